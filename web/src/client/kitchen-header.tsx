"use client";
import type { LiveFeed } from "@orderly/shared/client";
import type { ReactNode } from "react";
import { ConnectionIndicator } from "./connection-indicator.tsx";
import { useSound } from "./use-sound.ts";

const SOUND_LABELS = { on: "♪ Sound on", off: "⚠ Sound off — tap to turn on", waiting: "⚠ Tap to resume sound" } as const;

/**
 * The fixed head of a kitchen screen: what it is and where, how many tickets are late or due, the
 * screen's own tools (children), sound (a loud warning while it is off), connection and log out.
 */
export function KitchenHeader(props: {
  screen: string;
  restaurantName: string;
  live: LiveFeed | null;
  late: number;
  due: number;
  onLogout(): void;
  children?: ReactNode;
}) {
  const sound = useSound();
  return (
    <header className="kds-head">
      <h1>
        <span className="kds-screen">{props.screen}</span> <span className="kds-place">{props.restaurantName}</span>
      </h1>
      <div className="kds-tools">
        {props.late > 0 && (
          <span className="flag flag-late" data-testid="late-count">
            ⚠ {props.late} late
          </span>
        )}
        {props.due > 0 && (
          <span className="flag flag-due" data-testid="due-count">
            ◷ {props.due} due
          </span>
        )}
        {props.children}
        <button
          className={sound.state === "on" ? "btn btn-quiet" : "btn btn-warn"}
          aria-pressed={sound.state === "on"}
          onClick={sound.toggle}
          data-testid="sound"
        >
          {SOUND_LABELS[sound.state]}
        </button>
        <ConnectionIndicator live={props.live} />
        <button className="btn btn-quiet" onClick={props.onLogout}>
          Log out
        </button>
      </div>
    </header>
  );
}
