import { randomUUID } from "node:crypto";
import { notFound, slugSchema } from "@orderly/shared";
import { z } from "zod";
import { tokenResponse } from "@/auth/token-response.ts";
import { db } from "@/db.ts";
import { defineRoute } from "@/http/define-route.ts";

/** A short-lived guest token for a menu page: it may only listen to this restaurant's menu room. */
export const POST = defineRoute({ auth: "public", rateLimit: "guests", params: z.object({ slug: slugSchema }) }, async ({ params }) => {
  const restaurant = await db().restaurant.findUnique({ where: { slug: params.slug }, select: { id: true } });
  if (!restaurant) throw notFound("Restaurant", "slug");
  return Response.json(tokenResponse({ role: "guest", sub: randomUUID(), restaurantId: restaurant.id }), { status: 201 });
});
