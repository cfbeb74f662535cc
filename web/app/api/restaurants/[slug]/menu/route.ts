import { notFound, slugSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { loadMenu } from "@/menu.ts";

export const GET = defineRoute({ auth: "public", params: z.object({ slug: slugSchema }) }, async ({ params }) => {
  const menu = await loadMenu(params.slug);
  if (!menu) throw notFound("Restaurant");
  return Response.json(menu);
});
