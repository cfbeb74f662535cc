import { transitionRequestSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { transitionOrder } from "@/orders/transition.ts";

export const POST = defineRoute(
  { auth: "token", params: z.object({ id: z.uuid("must be an order id") }), body: transitionRequestSchema },
  async ({ claims, params, body }) => Response.json(await transitionOrder(claims, params.id, body)),
);
