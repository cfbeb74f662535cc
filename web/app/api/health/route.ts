import { db } from "@/db.ts";
import { log } from "@/log.ts";

export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok" });
  } catch (error) {
    log().error({ err: error instanceof Error ? error.message : String(error) }, "health: database check failed");
    return Response.json({ status: "degraded", database: "unreachable" }, { status: 503 });
  }
}
