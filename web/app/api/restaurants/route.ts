import { db } from "@/db.ts";
import { route } from "@/http/route.ts";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const restaurants = await db().restaurant.findMany({
    select: { id: true, slug: true, name: true, address: true, phone: true },
    orderBy: { name: "asc" },
  });
  return Response.json({ restaurants });
});
