import { idempotencyKeySchema, placeOrderRequestSchema, type PlaceOrderResponse } from "@orderly/shared";
import { z } from "zod";
import { issueToken } from "@/auth/tokens.ts";
import { rateLimit } from "@/http/rate-limit.ts";
import { parse, readBody } from "@/http/read-body.ts";
import { route } from "@/http/route.ts";
import { placeOrder } from "@/orders/place-order.ts";
import { outboxRelay } from "@/outbox/relay.ts";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  await rateLimit("orders", request);
  const { "Idempotency-Key": idempotencyKey } = parse(
    z.object({ "Idempotency-Key": idempotencyKeySchema }),
    { "Idempotency-Key": request.headers.get("idempotency-key") ?? undefined },
  );
  const body = await readBody(request, placeOrderRequestSchema);
  const { snapshot, created } = await placeOrder(body, idempotencyKey);
  if (created) outboxRelay().kick();
  const { token, expiresAt } = issueToken({ role: "customer", orderIds: [snapshot.ticket.id] });
  const response: PlaceOrderResponse = { order: snapshot, customerToken: token, customerTokenExpiresAt: expiresAt.toISOString() };
  return Response.json(response, { status: created ? 201 : 200 });
});
