"use client";
import type { GeoPoint } from "@orderly/shared";
import { useRef, useState } from "react";

export type CurrentLocation =
  | { state: "none" }
  | { state: "locating" }
  | { state: "attached"; point: GeoPoint }
  | { state: "failed"; reason: string };

const DENIED = "You did not allow sharing your location. That is fine: the courier will find you by the address.";
const UNKNOWN = "Your location could not be found. That is fine: the courier will find you by the address.";

/** The phone's position, asked for once when the customer taps for it; they may remove it again. */
export function useCurrentLocation(): { location: CurrentLocation; locate: () => void; remove: () => void } {
  const [location, setLocation] = useState<CurrentLocation>({ state: "none" });
  // Each ask and each removal starts a new attempt: an answer to an older one is dropped.
  const attempt = useRef(0);

  const locate = () => {
    const mine = ++attempt.current;
    if (!("geolocation" in navigator)) return setLocation({ state: "failed", reason: UNKNOWN });
    setLocation({ state: "locating" });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        if (mine === attempt.current) setLocation({ state: "attached", point: { latitude: coords.latitude, longitude: coords.longitude } });
      },
      (error) => {
        if (mine === attempt.current) setLocation({ state: "failed", reason: error.code === error.PERMISSION_DENIED ? DENIED : UNKNOWN });
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  const remove = () => {
    attempt.current++;
    setLocation({ state: "none" });
  };
  return { location, locate, remove };
}
