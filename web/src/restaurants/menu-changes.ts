import { AppError, type ItemAvailabilityRequest, type Menu, type OrderingRequest, type RestaurantChange } from "@orderly/shared";
import { SYSTEM, actorOf } from "../actor.ts";
import { db } from "../db.ts";
import { changeOrderIn } from "../orders/order-change.ts";
import { loadMenu } from "./menu.ts";
import { endOfDay } from "./opening-hours.ts";
import { hoursOf } from "./ordering-state.ts";
import { changeRestaurant } from "./restaurant-change.ts";
import { staffRestaurant, type MenuStaffClaims } from "./staff-restaurant.ts";

const menuOf = async (restaurantId: string): Promise<Menu> => (await loadMenu(db(), { id: restaurantId }))!;

/** Sell an item out (until the end of the restaurant's day, a time, or until restored), or restore it. */
export async function setItemAvailability(claims: MenuStaffClaims, slug: string, itemId: string, request: ItemAvailabilityRequest): Promise<Menu> {
  const restaurant = await staffRestaurant(claims, slug);
  const now = new Date();
  const until = request.until === "END_OF_DAY" ? endOfDay(hoursOf(restaurant), now) : request.until ? new Date(request.until) : null;
  if (until && until <= now) {
    throw new AppError("VALIDATION_FAILED", "until: must be in the future", { fields: { until: "must be in the future" } });
  }
  await changeRestaurant(restaurant.id, actorOf(claims), async (restaurantId, _now, tx) => {
    const item = await tx.menuItem.findFirst({ where: { id: itemId, restaurantId } });
    if (!item) throw new AppError("NOT_FOUND", "Menu item not found", { fields: { itemId: "is not on this restaurant's menu" } });
    if (item.available === request.available && item.soldOutUntil?.getTime() === until?.getTime()) return [];
    await tx.menuItem.update({ where: { id: itemId }, data: { available: request.available, soldOutUntil: until } });
    return [{ type: "ITEM_AVAILABILITY", payload: { itemId, available: request.available, soldOutUntil: until?.toISOString() ?? null } }];
  });
  return menuOf(restaurant.id);
}

/**
 * Pause or resume online orders, set busy mode's extra minutes (moving every open order's estimate
 * by the difference, each a change its customer sees) or the order cap.
 */
export async function setOrdering(claims: MenuStaffClaims, slug: string, request: OrderingRequest): Promise<Menu> {
  const restaurant = await staffRestaurant(claims, slug);
  const actor = actorOf(claims);
  await changeRestaurant(restaurant.id, actor, async (restaurantId, _now, tx) => {
    const before = await tx.restaurant.findUniqueOrThrow({ where: { id: restaurantId } });
    const paused = request.paused ?? before.paused;
    const after = {
      paused,
      pauseReason: !paused ? null : request.paused === undefined ? before.pauseReason : (request.reason ?? null),
      extraPrepMinutes: request.extraPrepMinutes ?? before.extraPrepMinutes,
      orderCap: request.orderCap === undefined ? before.orderCap : request.orderCap,
    };
    const unchanged = (Object.keys(after) as (keyof typeof after)[]).every((key) => after[key] === before[key]);
    if (unchanged) return [];
    await tx.restaurant.update({ where: { id: restaurantId }, data: after });
    const shiftMs = (after.extraPrepMinutes - before.extraPrepMinutes) * 60_000;
    if (shiftMs !== 0) {
      const open = await tx.order.findMany({
        where: { restaurantId, status: { in: ["ACCEPTED", "PREPARING"] }, estimatedReadyAt: { not: null } },
        select: { id: true },
      });
      for (const { id } of open) {
        await changeOrderIn(tx, null, id, (order) => {
          const estimatedReadyAt = new Date(order.estimatedReadyAt!.getTime() + shiftMs);
          return {
            data: { estimatedReadyAt },
            changes: [{ change: { type: "ESTIMATE_CHANGED", payload: { estimatedReadyAt: estimatedReadyAt.toISOString() } }, actor }],
          };
        });
      }
    }
    return [{ type: "ORDERING_CHANGED", payload: after }];
  });
  return menuOf(restaurant.id);
}

/** Brings back every sold-out item whose time has come, each as a SYSTEM event, exactly once however many processes try. */
export async function restoreDueItems(now: Date): Promise<number> {
  const due = await db().menuItem.findMany({
    where: { available: false, soldOutUntil: { lte: now } },
    select: { restaurantId: true },
    distinct: ["restaurantId"],
  });
  let restored = 0;
  for (const { restaurantId } of due) {
    const changes = await changeRestaurant(restaurantId, SYSTEM, async (id, _now, tx) => {
      // Re-read under the restaurant's lock: another process may have restored them already.
      const items = await tx.menuItem.findMany({ where: { restaurantId: id, available: false, soldOutUntil: { lte: now } }, select: { id: true } });
      await tx.menuItem.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { available: true, soldOutUntil: null } });
      return items.map((i): RestaurantChange => ({ type: "ITEM_AVAILABILITY", payload: { itemId: i.id, available: true, soldOutUntil: null } }));
    });
    restored += changes.length;
  }
  return restored;
}
