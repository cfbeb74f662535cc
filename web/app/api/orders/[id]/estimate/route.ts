import { delayRequestSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { delayEstimate } from "@/orders/kitchen-adjustments.ts";

/** `{ minutes }`: the order will be ready that much later. */
export const POST = defineRoute(
  { auth: ["kitchen", "admin"], params: z.object({ id: z.uuid("must be an order id") }), body: delayRequestSchema },
  async ({ claims, params, body }) => Response.json(await delayEstimate(claims, params.id, body.minutes)),
);
