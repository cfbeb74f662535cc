import type { TicketList } from "@orderly/shared";
import type { Prisma } from "@orderly/prisma";
import { db } from "../db.ts";
import { webEnv } from "../env.ts";
import { TICKET_INCLUDE, toTicket } from "./ticket.ts";

/** The orders a screen shows, oldest first, as the list endpoints answer them. */
export async function ticketList(where: Prisma.OrderWhereInput): Promise<Response> {
  const orders = await db().order.findMany({ where, include: TICKET_INCLUDE, orderBy: { createdAt: "asc" } });
  const list: TicketList = { tickets: orders.map(toTicket), serverTime: new Date().toISOString(), recallWindowMinutes: webEnv().RECALL_WINDOW_MINUTES };
  return Response.json(list);
}

/** Moved within the recall window: still on the kitchen's "Recently bumped" list. */
export function recentlyMoved(): Prisma.OrderWhereInput {
  return { statusChangedAt: { gte: new Date(Date.now() - webEnv().RECALL_WINDOW_MINUTES * 60_000) } };
}
