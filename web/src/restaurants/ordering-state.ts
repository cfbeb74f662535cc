import { SLOT_MINUTES, slotStartOf, type Ordering } from "@orderly/shared";
import type { Prisma } from "@orderly/prisma";
import { endOfDay, openAt, openStateAt, type OpeningHours } from "./opening-hours.ts";

/** The earliest slot a customer may schedule for starts at least this long from now (sooner is "as soon as possible"). */
export const SCHEDULE_LEAD_MINUTES = 30;
const SLOT_MS = SLOT_MINUTES * 60_000;

/** What ordering state needs of a restaurant row. */
export interface OrderingSettings {
  id: string;
  timeZone: string;
  paused: boolean;
  pauseReason: string | null;
  extraPrepMinutes: number;
  orderCap: number | null;
  openingHours: OpeningHours["periods"];
}

export const ORDERING_SELECT = {
  id: true,
  timeZone: true,
  paused: true,
  pauseReason: true,
  extraPrepMinutes: true,
  orderCap: true,
  openingHours: { select: { weekday: true, opensMinute: true, closesMinute: true } },
} satisfies Prisma.RestaurantSelect;

export const hoursOf = (restaurant: OrderingSettings): OpeningHours => ({ timeZone: restaurant.timeZone, periods: restaurant.openingHours });

/** Orders counting against each slot from the current one to the end of the restaurant's day. */
async function slotCounts(client: Prisma.TransactionClient, restaurant: OrderingSettings, now: Date): Promise<Map<number, number>> {
  if (restaurant.orderCap === null) return new Map();
  const rows = await client.order.groupBy({
    by: ["slotStart"],
    where: {
      restaurantId: restaurant.id,
      slotStart: { gte: slotStartOf(now), lt: endOfDay(hoursOf(restaurant), now) },
      status: { notIn: ["CANCELLED", "REJECTED"] },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.slotStart.getTime(), r._count._all]));
}

/**
 * Whether and when the restaurant takes orders at `now`: paused, open by its hours, capped in the
 * current slot (and the next slot with room), and the slots later today a customer may choose.
 */
export async function orderingState(client: Prisma.TransactionClient, restaurant: OrderingSettings, now: Date): Promise<Ordering> {
  const hours = hoursOf(restaurant);
  const open = openStateAt(hours, now);
  const counts = await slotCounts(client, restaurant, now);
  const full = (slot: number) => restaurant.orderCap !== null && (counts.get(slot) ?? 0) >= restaurant.orderCap;
  const current = slotStartOf(now).getTime();
  const dayEnd = endOfDay(hours, now).getTime();
  const laterToday: number[] = [];
  for (let slot = current + SLOT_MS; slot < dayEnd; slot += SLOT_MS) laterToday.push(slot);
  const capped = full(current);
  const isOpen = openAt(hours, now);
  const freeAndOpen = (slot: number) => !full(slot) && isOpen(new Date(slot));
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    asOf: now.toISOString(),
    paused: restaurant.paused,
    pauseReason: restaurant.pauseReason,
    extraPrepMinutes: restaurant.extraPrepMinutes,
    orderCap: restaurant.orderCap,
    open: open.open,
    opensAt: open.opensAt?.toISOString() ?? null,
    closesAt: open.closesAt?.toISOString() ?? null,
    capped,
    nextFreeSlotAt: capped ? iso(laterToday.find(freeAndOpen)) : null,
    slots: laterToday.filter((slot) => slot >= now.getTime() + SCHEDULE_LEAD_MINUTES * 60_000 && freeAndOpen(slot)).map((slot) => iso(slot)!),
  };
}
