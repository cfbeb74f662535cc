import { notFound, slugSchema } from "@orderly/shared";
import { z } from "zod";
import { db } from "@/db.ts";
import { defineRoute } from "@/http/define-route.ts";
import { loadMenu } from "@/restaurants/menu.ts";

export const GET = defineRoute({ auth: "public", params: z.object({ slug: slugSchema }) }, async ({ params }) => {
  const menu = await loadMenu(db(), { slug: params.slug });
  if (!menu) throw notFound("Restaurant");
  return Response.json(menu);
});
