import { randomUUID } from "node:crypto";
import { idempotencyKeySchema, placeOrderRequestSchema, type PlaceOrderResponse } from "@orderly/shared";
import { z } from "zod";
import { issueToken } from "@/auth/tokens.ts";
import { defineRoute } from "@/http/define-route.ts";
import { placeOrder } from "@/orders/place-order.ts";

export const POST = defineRoute(
  {
    auth: "public",
    rateLimit: "orders",
    headers: z.object({ "idempotency-key": idempotencyKeySchema }),
    body: placeOrderRequestSchema,
  },
  async ({ headers, body }) => {
    const { snapshot, created } = await placeOrder(body, headers["idempotency-key"]);
    const { token, expiresAt } = issueToken({ role: "customer", sub: randomUUID(), orderIds: [snapshot.ticket.id] });
    const response: PlaceOrderResponse = { order: snapshot, customerToken: token, customerTokenExpiresAt: expiresAt.toISOString() };
    return Response.json(response, { status: created ? 201 : 200 });
  },
);
