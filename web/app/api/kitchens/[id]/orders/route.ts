import { FINAL_STATUSES, forbidden } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { recentlyMoved, ticketList } from "@/orders/ticket-list.ts";

/** The kitchen's active tickets, and those that left it within the recall window (to recall them). */
export const GET = defineRoute(
  { auth: ["kitchen", "admin"], params: z.object({ id: z.uuid("must be a kitchen id") }) },
  async ({ claims, params }) => {
    const mine = claims.role === "kitchen" ? claims.kitchenId === params.id : claims.kitchenIds.includes(params.id);
    if (!mine) throw forbidden("Only this kitchen's staff can see its tickets");
    return ticketList({ kitchenId: params.id, OR: [{ status: { notIn: [...FINAL_STATUSES] } }, recentlyMoved()] });
  },
);
