"use client";
import { ManagerBoard } from "./manager-board.tsx";
import { StaffLogin, type LoginRestaurant } from "./staff-login.tsx";
import { useStaffSession } from "./staff-session.ts";

/** /manage: an admin's login opens the live service board of their restaurant. */
export function ManageScreen({ realtimeUrl, restaurants }: { realtimeUrl: string; restaurants: LoginRestaurant[] }) {
  const staff = useStaffSession("manage");
  const { session } = staff;
  if (!staff.ready) return null;
  if (!session) return <StaffLogin title="Service board" defaultLogin="admin" hint="Demo: admin of each restaurant." restaurants={restaurants} notice={staff.notice} onLogin={staff.login} />;
  const restaurantName = restaurants.find((r) => r.slug === session.restaurantSlug)?.name ?? session.restaurantSlug;
  return <ManagerBoard staff={staff} session={session} realtimeUrl={realtimeUrl} restaurantName={restaurantName} />;
}
