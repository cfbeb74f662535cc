import { priorityRequestSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { setRush } from "@/orders/kitchen-adjustments.ts";

export const POST = defineRoute(
  { auth: ["kitchen", "admin"], params: z.object({ id: z.uuid("must be an order id") }), body: priorityRequestSchema },
  async ({ claims, params, body }) => Response.json(await setRush(claims, params.id, body.rush)),
);
