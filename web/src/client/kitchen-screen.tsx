"use client";
import { KitchenBoard } from "./kitchen-board.tsx";
import { StaffLogin } from "./staff-login.tsx";
import { useStaffSession } from "./staff-session.ts";
import { StationScreen } from "./station-screen.tsx";
import type { KitchenStation } from "./station-progress.tsx";

export interface KitchenRestaurant {
  slug: string;
  name: string;
  /** Its kitchen's stations, in the expo's order. */
  stations: KitchenStation[];
}

/**
 * /kitchen: a kitchen login opens the expo (the whole kitchen) or, chosen at login, one station's
 * screen; the choice is kept with the login on this device.
 */
export function KitchenScreen({ realtimeUrl, restaurants }: { realtimeUrl: string; restaurants: KitchenRestaurant[] }) {
  const staff = useStaffSession("kitchen");
  const { session } = staff;
  if (!staff.ready) return null;
  if (!session) return <StaffLogin title="Kitchen display" defaultLogin="kitchen" restaurants={restaurants} notice={staff.notice} onLogin={staff.login} />;

  const restaurant = restaurants.find((r) => r.slug === session.restaurantSlug);
  const restaurantName = restaurant?.name ?? session.restaurantSlug;
  const stations = restaurant?.stations ?? [];
  if (session.stationId) {
    const stationName = stations.find((s) => s.id === session.stationId)?.name ?? "Station";
    return <StationScreen staff={staff} stationId={session.stationId} realtimeUrl={realtimeUrl} restaurantName={restaurantName} stationName={stationName} />;
  }
  return <KitchenBoard staff={staff} session={session} realtimeUrl={realtimeUrl} restaurantName={restaurantName} stations={stations} />;
}
