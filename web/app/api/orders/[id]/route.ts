import { z } from "zod";
import { canSeeOrder } from "@/auth/access.ts";
import { requireClaims } from "@/auth/tokens.ts";
import { db } from "@/db.ts";
import { forbidden, notFound } from "@/http/http-error.ts";
import { parse } from "@/http/read-body.ts";
import { route } from "@/http/route.ts";
import { loadSnapshot } from "@/orders/ticket.ts";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (request, params) => {
  const claims = requireClaims(request);
  const { id } = parse(z.object({ id: z.uuid("must be an order id") }), params);
  const snapshot = await loadSnapshot(db(), id);
  if (!snapshot) throw notFound("Order");
  if (!canSeeOrder(claims, snapshot.ticket)) throw forbidden("This token does not give access to this order");
  return Response.json(snapshot);
});
