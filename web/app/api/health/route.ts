import { db } from "@/db.ts";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok" });
  } catch (error) {
    console.error("health: database check failed:", error instanceof Error ? error.message : error);
    return Response.json({ status: "degraded", database: "unreachable" }, { status: 503 });
  }
}
