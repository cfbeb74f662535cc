import { staffLoginRequestSchema } from "@orderly/shared";
import { staffLogin } from "@/auth/staff-login.ts";
import { defineRoute } from "@/http/define-route.ts";

export const POST = defineRoute({ auth: "public", body: staffLoginRequestSchema, rateLimit: "logins" }, async ({ body }) =>
  Response.json(await staffLogin(body)),
);
