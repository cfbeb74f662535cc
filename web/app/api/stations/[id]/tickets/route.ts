import { forbidden } from "@orderly/shared";
import { z } from "zod";
import { db } from "@/db.ts";
import { defineRoute } from "@/http/define-route.ts";
import { ticketList } from "@/orders/ticket-list.ts";

/** The tickets being made that have items at this station (the screen shows only those items). */
export const GET = defineRoute(
  { auth: ["station", "admin"], params: z.object({ id: z.uuid("must be a station id") }) },
  async ({ claims, params }) => {
    if (claims.role === "station" ? claims.stationId !== params.id : !(await db().station.count({ where: { id: params.id, restaurantId: claims.restaurantId } }))) {
      throw forbidden("Only this station's screen can see its tickets");
    }
    return ticketList({ status: { in: ["ACCEPTED", "PREPARING"] }, items: { some: { stationId: params.id } } });
  },
);
