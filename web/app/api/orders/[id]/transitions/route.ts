import { transitionRequestSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { transitionOrder } from "@/orders/transition.ts";
import { outboxRelay } from "@/outbox/relay.ts";

export const POST = defineRoute(
  { auth: "token", params: z.object({ id: z.uuid("must be an order id") }), body: transitionRequestSchema },
  async ({ claims, params, body }) => {
    const snapshot = await transitionOrder(claims, params.id, body);
    outboxRelay().kick();
    return Response.json(snapshot);
  },
);
