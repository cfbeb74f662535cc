"use client";
import type { GeoPoint } from "@orderly/shared";
import type { DivIcon, Map as LeafletMap, Marker } from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef, useState } from "react";

type Leaflet = typeof import("leaflet");
export type PinKind = "courier" | "destination" | "restaurant";
export type MapPins = Partial<Record<PinKind, GeoPoint>>;

const TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
const PIN_KINDS: PinKind[] = ["restaurant", "destination", "courier"];
const TITLES: Record<PinKind, string> = { courier: "Your courier", destination: "Delivery address", restaurant: "The restaurant" };
/** Drawn with CSS and inline SVG, so a marker needs no image (and shows when tiles cannot load). */
const GLYPHS: Record<PinKind, string> = {
  courier: "",
  destination: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 11.5 12 4l9 7.5V20h-6v-5H9v5H3z"/></svg>',
  restaurant: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 3v8a2 2 0 0 1-1 1.7V21h2v-8.3A2 2 0 0 1 7 11V3zm-2 0v6h1V3zm3 0v6h1V3zm8 0c-1.7 0-3 2-3 5v5h2v8h2V3z"/></svg>',
};

// Leaflet places the icon element with a transform: the shape is drawn by an inner element.
function pinIcon(L: Leaflet, kind: PinKind): DivIcon {
  const html = `<span class="map-pin-body">${GLYPHS[kind]}</span>`;
  return L.divIcon({ className: `map-pin map-pin-${kind}`, html, iconSize: [36, 36], iconAnchor: kind === "courier" ? [18, 18] : [18, 43] });
}

/**
 * An OpenStreetMap map (Leaflet) fitted to its pins, which move as their points change. Leaflet
 * touches `window`, so it is loaded in the browser only.
 */
export function DeliveryMap({ pins }: { pins: MapPins }) {
  const container = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<{ L: Leaflet; map: LeafletMap } | null>(null);
  const markers = useRef(new Map<PinKind, Marker>());

  useEffect(() => {
    let map: LeafletMap | undefined;
    let unmounted = false;
    void import("leaflet").then((L) => {
      if (unmounted || !container.current) return;
      map = L.map(container.current, { scrollWheelZoom: false });
      L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
      setLoaded({ L, map });
    });
    return () => {
      unmounted = true;
      map?.remove();
      markers.current.clear();
    };
  }, []);

  useEffect(() => {
    if (!loaded) return;
    const { L, map } = loaded;
    for (const kind of PIN_KINDS) {
      const point = pins[kind];
      const marker = markers.current.get(kind);
      if (!point) {
        marker?.remove();
        markers.current.delete(kind);
      } else if (marker) {
        marker.setLatLng([point.latitude, point.longitude]);
      } else {
        const added = L.marker([point.latitude, point.longitude], { icon: pinIcon(L, kind), title: TITLES[kind], keyboard: false, zIndexOffset: kind === "courier" ? 1000 : 0 });
        markers.current.set(kind, added.addTo(map));
      }
    }
    // Refitted on every position (every few seconds): at once, not with a zoom animation each time.
    const points = PIN_KINDS.flatMap((kind) => pins[kind] ?? []).map((p): [number, number] => [p.latitude, p.longitude]);
    if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [40, 40], maxZoom: 16, animate: false });
  }, [loaded, pins]);

  return <div ref={container} className="delivery-map" data-testid="delivery-map" role="region" aria-label="Map of your delivery" />;
}
