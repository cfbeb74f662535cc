import { notFound } from "@/http/http-error.ts";
import { route } from "@/http/route.ts";
import { loadMenu } from "@/menu.ts";

export const dynamic = "force-dynamic";

export const GET = route<{ slug: string }>(async (_request, { slug }) => {
  const menu = await loadMenu(slug);
  if (!menu) throw notFound("Restaurant");
  return Response.json(menu);
});
