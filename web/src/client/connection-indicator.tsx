"use client";
import type { LiveFeed } from "@orderly/shared/client";
import { useNow } from "./use-live-feed.ts";

const LABELS = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline" } as const;

function since(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Tells the truth about the live connection: a dot when all is well, a banner when it is not. */
export function ConnectionIndicator({ live }: { live: LiveFeed | null }) {
  const now = useNow();
  const status = live?.status ?? "connecting";
  const last = live?.lastContactAt;
  return (
    <>
      <span className={`conn conn-${status}`} role="status" aria-live="polite" data-testid="connection">
        <span className="conn-dot" aria-hidden /> {LABELS[status]}
      </span>
      {(status === "reconnecting" || status === "offline") && (
        <div className={`banner banner-${status}`} role="alert" data-testid="connection-banner">
          {status === "offline" ? "Offline." : "Connection lost — reconnecting."}{" "}
          {last ? `Last update ${since(now - last)} ago.` : ""} Changes made meanwhile will appear when it is back.
        </div>
      )}
    </>
  );
}
