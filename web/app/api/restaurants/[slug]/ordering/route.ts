import { orderingRequestSchema, slugSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { setOrdering } from "@/restaurants/menu-changes.ts";

/** Pause or resume online orders, busy mode, the order cap; answers the menu as it stands. */
export const PATCH = defineRoute(
  { auth: ["kitchen", "admin"], params: z.object({ slug: slugSchema }), body: orderingRequestSchema },
  async ({ claims, params, body }) => Response.json(await setOrdering(claims, params.slug, body)),
);
