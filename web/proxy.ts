import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "./src/content-security-policy.ts";
import { realtimeUrlFor } from "./src/realtime-url.ts";

/** Every page gets a fresh CSP nonce; Next reads it from the request's policy header for its scripts. */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, realtimeUrlFor(request.headers), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API answers are JSON and get their headers from next.config.ts.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
