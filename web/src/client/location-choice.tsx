import type { CurrentLocation } from "./use-current-location.ts";

/** "Use my current location" for a delivery: the courier's map and the live ETA use it; the address alone is enough. */
export function LocationChoice({ location, locate, remove }: { location: CurrentLocation; locate: () => void; remove: () => void }) {
  return (
    <div className="location" aria-live="polite" data-testid="location">
      {location.state === "attached" ? (
        <p className="location-attached">
          <span>Location attached: the courier will see it on the map.</span>
          <button type="button" className="link-button" onClick={remove}>
            Remove
          </button>
        </p>
      ) : (
        <>
          <button type="button" className="btn" onClick={locate} disabled={location.state === "locating"}>
            {location.state === "locating" ? "Finding your location…" : "Use my current location"}
          </button>
          {location.state === "failed" && <p className="location-failed">{location.reason}</p>}
        </>
      )}
    </div>
  );
}
