"use client";
import type { CourierPosition, GeoPoint } from "@orderly/shared";
import { useMemo } from "react";
import { DeliveryEtaLine } from "./delivery-eta-line.tsx";
import { DeliveryMap, type MapPins } from "./delivery-map.tsx";

/**
 * The delivery on its way: the distance and ETA as text, then the courier on a map with where the
 * food goes (the restaurant instead when the customer shared no location).
 */
export function DeliveryTracking(props: { position: CourierPosition | undefined; destination: GeoPoint | null; restaurant: GeoPoint | null }) {
  const { position, destination, restaurant } = props;
  const pins = useMemo<MapPins>(() => {
    const courier = position && { latitude: position.latitude, longitude: position.longitude };
    const target = destination ? { destination } : restaurant ? { restaurant } : {};
    return { ...target, ...(courier && { courier }) };
  }, [position, destination, restaurant]);
  return (
    <section className="tracking" aria-label="Your delivery">
      <DeliveryEtaLine position={position} destination={destination} />
      <DeliveryMap pins={pins} />
    </section>
  );
}
