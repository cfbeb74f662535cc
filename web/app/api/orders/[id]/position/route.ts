import { courierPositionRequestSchema, type CourierPositionResponse } from "@orderly/shared";
import { z } from "zod";
import { recordPosition } from "@/deliveries/courier-position.ts";
import { defineRoute } from "@/http/define-route.ts";

export const POST = defineRoute(
  {
    auth: ["delivery"],
    params: z.object({ id: z.uuid("must be an order id") }),
    body: courierPositionRequestSchema,
    rateLimit: { name: "positions", by: "account" },
  },
  async ({ claims, params, body }) => {
    const position = await recordPosition(claims, params.id, body);
    return Response.json({ kept: position !== null } satisfies CourierPositionResponse, { status: 202 });
  },
);
