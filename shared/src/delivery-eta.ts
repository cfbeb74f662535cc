import type { GeoPoint } from "./delivery.schema.ts";

const EARTH_RADIUS_M = 6_371_000;
/** Roads are longer than the straight line: a usual detour factor for city streets. */
const ROAD_FACTOR = 1.3;
/** A city courier's pace when the phone reports no usable speed (about 18 km/h). */
const DEFAULT_SPEED_MPS = 5;
/** Below this the courier is stopped (a light, the door): the ETA keeps the usual pace, not infinity. */
const MIN_SPEED_MPS = 1.5;
/** "Almost there": the customer is told to get ready. */
export const NEARBY_METRES = 300;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface DeliveryEta {
  /** Straight-line distance from the courier to the destination. */
  metres: number;
  /** Whole minutes to arrival, at least 1. */
  minutes: number;
  nearby: boolean;
}

/** Minutes to arrival from the straight-line distance (times a road factor) and the courier's speed. */
export function deliveryEta(courier: GeoPoint & { speedMps: number | null }, destination: GeoPoint): DeliveryEta {
  const metres = distanceMetres(courier, destination);
  const speed = courier.speedMps !== null && courier.speedMps >= MIN_SPEED_MPS ? courier.speedMps : DEFAULT_SPEED_MPS;
  return { metres, minutes: Math.max(1, Math.round((metres * ROAD_FACTOR) / speed / 60)), nearby: metres <= NEARBY_METRES };
}
