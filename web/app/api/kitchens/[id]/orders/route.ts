import { FINAL_STATUSES, forbidden, type TicketList } from "@orderly/shared";
import { z } from "zod";
import { db } from "@/db.ts";
import { defineRoute } from "@/http/define-route.ts";
import { TICKET_INCLUDE, toTicket } from "@/orders/ticket.ts";

export const GET = defineRoute(
  { auth: ["kitchen", "admin"], params: z.object({ id: z.uuid("must be a kitchen id") }) },
  async ({ claims, params }) => {
    const mine = claims.role === "kitchen" ? claims.kitchenId === params.id : claims.kitchenIds.includes(params.id);
    if (!mine) throw forbidden("Only this kitchen's staff can see its tickets");
    const orders = await db().order.findMany({
      where: { kitchenId: params.id, status: { notIn: [...FINAL_STATUSES] } },
      include: TICKET_INCLUDE,
      orderBy: { createdAt: "asc" },
    });
    return Response.json({ tickets: orders.map(toTicket), serverTime: new Date().toISOString() } satisfies TicketList);
  },
);
