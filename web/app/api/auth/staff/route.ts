import { staffLoginRequestSchema } from "@orderly/shared";
import { staffLogin } from "@/auth/staff-login.ts";
import { rateLimit } from "@/http/rate-limit.ts";
import { readBody } from "@/http/read-body.ts";
import { route } from "@/http/route.ts";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  await rateLimit("logins", request);
  return Response.json(await staffLogin(await readBody(request, staffLoginRequestSchema)));
});
