"use client";
import { deliveryEta, type CourierPosition, type GeoPoint } from "@orderly/shared";
import { useNow } from "./use-live-feed.ts";

function distanceText(metres: number): string {
  const tens = Math.round(metres / 10) * 10;
  return tens < 1000 ? `${tens} m` : `${(metres / 1000).toFixed(1)} km`;
}

function ageText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
}

/**
 * How far the courier is and when they arrive, as text (it must read right without the map's
 * tiles), and how old that position is, ticking.
 */
export function DeliveryEtaLine({ position, destination }: { position: CourierPosition | undefined; destination: GeoPoint | null }) {
  const now = useNow();
  if (!position) {
    return (
      <p className="eta-line" data-testid="delivery-eta">
        Your courier is on the way. Their location shows here as soon as their phone shares it.
      </p>
    );
  }
  const updated = `updated ${ageText(now - Date.parse(position.at))} ago`;
  if (!destination) {
    return (
      <p className="eta-line" data-testid="delivery-eta">
        Your courier is on the way · {updated}
      </p>
    );
  }
  const eta = deliveryEta(position, destination);
  return (
    <p className="eta-line" data-testid="delivery-eta" data-metres={Math.round(eta.metres)} data-minutes={eta.minutes} data-nearby={eta.nearby}>
      <strong>{eta.nearby ? "Almost there" : `Arriving in about ${eta.minutes} min`}</strong> · <span className="nowrap">{distanceText(eta.metres)} away</span> ·{" "}
      <span className="nowrap">{updated}</span>
    </p>
  );
}
