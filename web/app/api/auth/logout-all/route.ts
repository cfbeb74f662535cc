import { db } from "@/db.ts";
import { defineRoute } from "@/http/define-route.ts";

/** Ends every session of the caller's account: its tokens stop working and cannot be refreshed. */
export const POST = defineRoute({ auth: ["kitchen", "delivery", "admin"] }, async ({ claims }) => {
  await db().staff.update({ where: { id: claims.sub }, data: { tokenVersion: { increment: 1 } } });
  return new Response(null, { status: 204 });
});
