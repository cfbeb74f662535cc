import { slugSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { ticketList } from "@/orders/ticket-list.ts";
import { ownRestaurant } from "@/restaurants/staff-restaurant.ts";

/** A courier's list: the deliveries they hold, and those ready that no courier holds yet. An admin sees all of them. */
export const GET = defineRoute({ auth: ["delivery", "admin"], params: z.object({ slug: slugSchema }) }, async ({ claims, params }) => {
  const restaurant = await ownRestaurant(claims, params.slug, { id: true }, "Only this restaurant's delivery staff can see its deliveries");
  const mine = claims.role === "delivery" ? { OR: [{ courierId: null }, { courierId: claims.sub }] } : {};
  return ticketList({ restaurantId: restaurant.id, fulfilment: "DELIVERY", status: { in: ["READY", "OUT_FOR_DELIVERY"] }, ...mine });
});
