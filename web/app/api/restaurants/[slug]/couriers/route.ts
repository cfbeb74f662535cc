import { slugSchema, type CourierList } from "@orderly/shared";
import { z } from "zod";
import { db } from "@/db.ts";
import { defineRoute } from "@/http/define-route.ts";
import { adminRestaurant } from "@/restaurants/admin-restaurant.ts";
import { courierAccounts } from "@/restaurants/service.ts";

/** The restaurant's courier accounts, disabled ones too (marked), for its admins. */
export const GET = defineRoute({ auth: ["admin"], params: z.object({ slug: slugSchema }) }, async ({ claims, params }) => {
  const restaurant = await adminRestaurant(claims, params.slug);
  const list: CourierList = { couriers: await courierAccounts(db(), restaurant.id) };
  return Response.json(list);
});
