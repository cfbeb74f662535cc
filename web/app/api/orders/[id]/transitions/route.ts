import { transitionRequestSchema } from "@orderly/shared";
import { z } from "zod";
import { requireClaims } from "@/auth/tokens.ts";
import { parse, readBody } from "@/http/read-body.ts";
import { route } from "@/http/route.ts";
import { transitionOrder } from "@/orders/transition.ts";
import { outboxRelay } from "@/outbox/relay.ts";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (request, params) => {
  const claims = requireClaims(request);
  const { id } = parse(z.object({ id: z.uuid("must be an order id") }), params);
  const body = await readBody(request, transitionRequestSchema);
  const snapshot = await transitionOrder(claims, id, body);
  outboxRelay().kick();
  return Response.json(snapshot);
});
