import { priorityRequestSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { setRush } from "@/orders/kitchen-adjustments.ts";
import { outboxRelay } from "@/outbox/relay.ts";

export const POST = defineRoute(
  { auth: ["kitchen", "admin"], params: z.object({ id: z.uuid("must be an order id") }), body: priorityRequestSchema },
  async ({ claims, params, body }) => {
    const snapshot = await setRush(claims, params.id, body.rush);
    outboxRelay().kick();
    return Response.json(snapshot);
  },
);
