import { itemDoneRequestSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { bumpItem } from "@/orders/bump-item.ts";

/** A station bumps one of its items done `{ done: true }`, or undoes that `{ done: false }`. */
export const POST = defineRoute(
  {
    auth: ["station"],
    params: z.object({ id: z.uuid("must be an order id"), itemId: z.uuid("must be an item id") }),
    body: itemDoneRequestSchema,
  },
  async ({ claims, params, body }) => Response.json(await bumpItem(claims, params.id, params.itemId, body.done)),
);
