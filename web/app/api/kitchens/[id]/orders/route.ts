import { FINAL_STATUSES, type TicketList } from "@orderly/shared";
import { requireStaff } from "@/auth/tokens.ts";
import { db } from "@/db.ts";
import { forbidden } from "@/http/http-error.ts";
import { route } from "@/http/route.ts";
import { TICKET_INCLUDE, toTicket } from "@/orders/ticket.ts";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (request, { id }) => {
  const claims = requireStaff(request);
  const allowed = claims.role === "kitchen" ? claims.kitchenId === id : claims.role === "admin" && claims.kitchenIds.includes(id);
  if (!allowed) throw forbidden("Only this kitchen's staff can see its tickets");
  const orders = await db().order.findMany({
    where: { kitchenId: id, status: { notIn: [...FINAL_STATUSES] } },
    include: TICKET_INCLUDE,
    orderBy: { createdAt: "asc" },
  });
  return Response.json({ tickets: orders.map(toTicket), serverTime: new Date().toISOString() } satisfies TicketList);
});
