import type { TicketList } from "@orderly/shared";
import { requireStaff } from "@/auth/tokens.ts";
import { db } from "@/db.ts";
import { forbidden, notFound } from "@/http/http-error.ts";
import { route } from "@/http/route.ts";
import { TICKET_INCLUDE, toTicket } from "@/orders/ticket.ts";

export const dynamic = "force-dynamic";

export const GET = route<{ slug: string }>(async (request, { slug }) => {
  const claims = requireStaff(request);
  const restaurant = await db().restaurant.findUnique({ where: { slug }, select: { id: true } });
  if (!restaurant) throw notFound("Restaurant");
  if ((claims.role !== "delivery" && claims.role !== "admin") || claims.restaurantId !== restaurant.id) {
    throw forbidden("Only this restaurant's delivery staff can see its deliveries");
  }
  const orders = await db().order.findMany({
    where: { restaurantId: restaurant.id, fulfilment: "DELIVERY", status: { in: ["READY", "OUT_FOR_DELIVERY"] } },
    include: TICKET_INCLUDE,
    orderBy: { createdAt: "asc" },
  });
  return Response.json({ tickets: orders.map(toTicket), serverTime: new Date().toISOString() } satisfies TicketList);
});
