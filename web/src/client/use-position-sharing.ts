"use client";
import { POSITION_INTERVAL_SECONDS, type CourierPositionRequest } from "@orderly/shared";
import { useCallback, useEffect, useState } from "react";
import { api } from "./api.ts";

/** Set on this device when the courier switched sharing off; sharing is on by default. */
const OFF_KEY = "orderly.courier.location-off";

/** Why the phone's position is not being shared although it should be. */
export type SharingProblem = "denied" | "unavailable";

export interface PositionSharing {
  /** The courier's choice on this device. */
  on: boolean;
  setOn(on: boolean): void;
  /** Sharing now: switched on, with at least one order on the way. */
  active: boolean;
  problem: SharingProblem | null;
}

function requestOf(position: GeolocationPosition): CourierPositionRequest {
  const { latitude, longitude, accuracy, speed } = position.coords;
  return { latitude, longitude, accuracyM: accuracy, speedMps: speed, at: new Date(position.timestamp).toISOString() };
}

/**
 * While the courier has orders on the way (`orderIds`) and has not switched sharing off, watches
 * the phone's position and sends the newest fix to each of those orders, at most every
 * POSITION_INTERVAL_SECONDS. Stops (clearWatch) when the last order is handed over, when switched
 * off, and when the screen goes (unmount or logout, which leave no orders).
 */
export function usePositionSharing(orderIds: readonly string[], token: () => string): PositionSharing {
  // null until read from this device's storage: nothing is watched before the choice is known.
  const [on, setOnState] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<SharingProblem | null>(null);
  useEffect(() => setOnState(localStorage.getItem(OFF_KEY) === null), []);

  const setOn = useCallback((next: boolean) => {
    if (next) localStorage.removeItem(OFF_KEY);
    else localStorage.setItem(OFF_KEY, "1");
    setOnState(next);
  }, []);

  const active = on === true && orderIds.length > 0;
  // A new watch per set of orders: its first fix comes at once, so a newly taken order is on the map at once.
  const orders = active ? orderIds.join(" ") : "";

  useEffect(() => {
    if (!orders) return;
    if (!("geolocation" in navigator)) {
      setProblem("unavailable");
      return;
    }
    let newest: GeolocationPosition | undefined;
    let sentAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      timer = undefined;
      sentAt = Date.now();
      const body = requestOf(newest!);
      // Positions are volatile: one that does not arrive is not retried, the next fix replaces it.
      for (const id of orders.split(" ")) api(`/api/orders/${id}/position`, { body, token: token() }).catch(() => undefined);
    };
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        newest = position;
        setProblem(null);
        timer ??= setTimeout(send, Math.max(0, sentAt + POSITION_INTERVAL_SECONDS * 1000 - Date.now()));
      },
      (error) => setProblem(error.code === error.PERMISSION_DENIED ? "denied" : "unavailable"),
      { enableHighAccuracy: true },
    );
    return () => {
      navigator.geolocation.clearWatch(watch);
      clearTimeout(timer);
    };
  }, [orders, token]);

  return { on: on ?? true, setOn, active, problem };
}
