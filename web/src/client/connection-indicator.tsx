"use client";
import type { LiveFeed } from "@orderly/shared/client";
import { useEffect, useRef } from "react";
import { useNow } from "./use-live-feed.ts";

const LABELS = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline" } as const;

function since(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * Tells the truth about the live connection: a dot in the header, and while the connection is
 * down a full-width strip pinned to the top of the window (the page moves down to make room).
 */
export function ConnectionIndicator({ live }: { live: LiveFeed | null }) {
  const status = live?.status ?? "connecting";
  return (
    <>
      <span className={`conn conn-${status}`} role="status" aria-live="polite" data-testid="connection">
        <span className="conn-dot" aria-hidden /> {LABELS[status]}
      </span>
      {(status === "reconnecting" || status === "offline") && <ConnectionBanner status={status} lastContactAt={live?.lastContactAt ?? null} />}
    </>
  );
}

function ConnectionBanner({ status, lastContactAt }: { status: "reconnecting" | "offline"; lastContactAt: number | null }) {
  const now = useNow();
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = document.documentElement;
    const observer = new ResizeObserver(([entry]) => root.style.setProperty("--conn-banner-height", `${entry?.borderBoxSize[0]?.blockSize ?? 0}px`));
    if (strip.current) observer.observe(strip.current);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--conn-banner-height");
    };
  }, []);
  return (
    <div ref={strip} className={`conn-banner conn-banner-${status}`} role="alert" data-testid="connection-banner">
      {status === "offline" ? "Offline." : "Connection lost — reconnecting."} {lastContactAt ? `Last update ${since(now - lastContactAt)} ago.` : ""}{" "}
      Changes made meanwhile will appear when it is back.
    </div>
  );
}
