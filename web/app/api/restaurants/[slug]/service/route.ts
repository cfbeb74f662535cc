import { slugSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { adminRestaurant } from "@/restaurants/admin-restaurant.ts";
import { serviceSnapshot } from "@/restaurants/service.ts";

/** The manager's live board: tickets, today's figures, menu, stations and couriers (shared/src/service.schema.ts). */
export const GET = defineRoute({ auth: ["admin"], params: z.object({ slug: slugSchema }) }, async ({ claims, params }) =>
  Response.json(await serviceSnapshot(await adminRestaurant(claims, params.slug))),
);
