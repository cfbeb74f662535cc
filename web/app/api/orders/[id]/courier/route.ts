import { assignCourierRequestSchema } from "@orderly/shared";
import { z } from "zod";
import { assignCourier } from "@/deliveries/assign-courier.ts";
import { defineRoute } from "@/http/define-route.ts";

export const POST = defineRoute(
  { auth: ["admin"], params: z.object({ id: z.uuid("must be an order id") }), body: assignCourierRequestSchema },
  async ({ claims, params, body }) => Response.json(await assignCourier(claims, params.id, body.courierId)),
);
