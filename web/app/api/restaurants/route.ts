import { db } from "@/db.ts";
import { defineRoute } from "@/http/define-route.ts";

export const GET = defineRoute({ auth: "public" }, async () => {
  const restaurants = await db().restaurant.findMany({
    select: { id: true, slug: true, name: true, address: true, phone: true },
    orderBy: { name: "asc" },
  });
  return Response.json({ restaurants });
});
