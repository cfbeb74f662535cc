"use client";
import type { PositionSharing, SharingProblem } from "./use-position-sharing.ts";

const PROBLEMS: Record<SharingProblem, string> = {
  denied: "Location is blocked for this site. Allow it in your browser's site settings so the customer can see you coming.",
  unavailable: "Your phone cannot find your location right now.",
};

/** Says whether the customer sees where the courier is, with the switch to stop it. */
export function LocationSharingBar({ sharing }: { sharing: PositionSharing }) {
  const problem = sharing.on ? sharing.problem : null;
  const state = !sharing.on ? "Location sharing is off" : problem ? "Sharing is on, but your phone is not sending your location" : "Sharing your location with the customer";
  return (
    <div className={`sharing${sharing.on && !problem ? " sharing-on" : ""}`} data-testid="location-sharing">
      <label className="sharing-switch">
        <span>{state}</span>
        <input type="checkbox" role="switch" checked={sharing.on} onChange={(e) => sharing.setOn(e.target.checked)} aria-label="Share my location" />
      </label>
      {problem && (
        <p className="sharing-problem" role="alert">
          {PROBLEMS[problem]}
        </p>
      )}
    </div>
  );
}
