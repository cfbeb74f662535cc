import { reportQuerySchema, slugSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { report } from "@/reports/report.ts";
import { adminRestaurant } from "@/restaurants/admin-restaurant.ts";

/** The restaurant's report for a range of its local dates: `?from=2026-11-01&to=2026-11-14`. */
export const GET = defineRoute(
  { auth: ["admin"], params: z.object({ slug: slugSchema }), query: reportQuerySchema },
  async ({ claims, params, query }) => Response.json(await report(await adminRestaurant(claims, params.slug), query)),
);
