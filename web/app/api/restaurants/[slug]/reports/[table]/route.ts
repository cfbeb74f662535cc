import { reportQuerySchema, reportTableSchema, reportTablesSchema, slugSchema } from "@orderly/shared";
import { z } from "zod";
import { defineRoute } from "@/http/define-route.ts";
import { toCsv } from "@/reports/csv.ts";
import { reportTable } from "@/reports/report.ts";
import { adminRestaurant } from "@/restaurants/admin-restaurant.ts";

const params = z.object({
  slug: slugSchema,
  table: z.templateLiteral([reportTableSchema, ".csv"], `must be one of ${reportTableSchema.options.map((t) => `${t}.csv`).join(", ")}`),
});

/** One table of the report as CSV: `reports/days.csv?from=2026-11-01&to=2026-11-14`. */
export const GET = defineRoute({ auth: ["admin"], params, query: reportQuerySchema }, async ({ claims, params, query }) => {
  const table = reportTableSchema.parse(params.table.slice(0, -".csv".length));
  const restaurant = await adminRestaurant(claims, params.slug);
  const rows = await reportTable(restaurant, query, table);
  const columns = Object.keys(reportTablesSchema.shape[table].element.shape);
  return new Response(toCsv(columns, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${restaurant.slug}-${table}-${query.from}-to-${query.to}.csv"`,
    },
  });
});
