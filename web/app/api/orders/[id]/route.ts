import { forbidden, notFound } from "@orderly/shared";
import { z } from "zod";
import { canSeeOrder } from "@/auth/access.ts";
import { db } from "@/db.ts";
import { defineRoute } from "@/http/define-route.ts";
import { loadSnapshot } from "@/orders/ticket.ts";

export const GET = defineRoute({ auth: "token", params: z.object({ id: z.uuid("must be an order id") }) }, async ({ claims, params }) => {
  const snapshot = await loadSnapshot(db(), params.id, { forCustomer: claims.role === "customer" });
  if (!snapshot) throw notFound("Order");
  if (!canSeeOrder(claims, { ...snapshot.ticket, courierId: snapshot.ticket.courier?.id ?? null })) throw forbidden("This token does not give access to this order");
  return Response.json(snapshot);
});
