import { itemAvailabilityRequestSchema, slugSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { setItemAvailability } from "@/restaurants/menu-changes.ts";

/** Sell an item out or bring it back; answers the menu as it stands. */
export const PATCH = defineRoute(
  {
    auth: ["kitchen", "admin"],
    params: z.object({ slug: slugSchema, itemId: z.uuid("must be a menu item id") }),
    body: itemAvailabilityRequestSchema,
  },
  async ({ claims, params, body }) => Response.json(await setItemAvailability(claims, params.slug, params.itemId, body)),
);
