import { AppError, type ActingClaims, type ClaimsOf, type Role, type TokenClaims } from "@orderly/shared";
import type { z } from "zod";
import { currentStaff } from "../auth/staff-account.ts";
import { verifyBearer } from "../auth/tokens.ts";
import { clientAddress } from "./client-address.ts";
import { answerError } from "./error-response.ts";
import { rateLimit, type RateLimitName } from "./rate-limit.ts";
import { parse, readBody } from "./read-body.ts";

/** Who may call a route: anyone, any valid token but a guest's, or tokens of these roles. */
type Access = "public" | "token" | readonly Role[];

type ClaimsFor<A extends Access> = A extends "public"
  ? undefined
  : A extends "token"
    ? ActingClaims
    : A extends readonly (infer R extends Role)[]
      ? ClaimsOf<R>
      : never;

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

interface RouteSpec<A extends Access, P, B, H, Q> {
  auth: A;
  /** The path's dynamic segments; a bad one is a 400 naming it. */
  params?: P;
  /** The JSON body: 415 unless JSON, 413 past 64 KB, 400 naming each bad field. */
  body?: B;
  /** Request headers the handler reads, by lower-case name. */
  headers?: H;
  /** The query string's parameters (a repeated one: its last value); a bad one is a 400 naming it. */
  query?: Q;
  /** Counted per client address before anything else, or per account (`by: "account"`) once the token is checked. */
  rateLimit?: RateLimitName | { name: RateLimitName; by: "account" };
}

export interface RouteInput<A extends Access, P, B, H, Q> {
  request: Request;
  claims: ClaimsFor<A>;
  params: Infer<P>;
  body: Infer<B>;
  headers: Infer<H>;
  query: Infer<Q>;
}

async function authorize(request: Request, auth: Access): Promise<TokenClaims | undefined> {
  if (auth === "public") return undefined;
  const claims = verifyBearer(request);
  if (auth === "token" ? claims.role === "guest" : !auth.includes(claims.role)) {
    throw new AppError("FORBIDDEN", auth === "token" ? "A guest token only listens to a menu" : `This needs a ${auth.join(" or ")} token`);
  }
  if (claims.role !== "customer" && claims.role !== "guest") await currentStaff(claims);
  return claims;
}

/**
 * A route handler that states what it needs (who may call it, its params, query, headers, body and rate
 * limit) and gets them validated and typed. Staff tokens are checked against their account on
 * every request. Errors become `{ error: { code, message, fields? } }` with their status.
 */
export function defineRoute<
  const A extends Access,
  P extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  H extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<A, P, B, H, Q>, handler: (input: RouteInput<A, P, B, H, Q>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      if (typeof spec.rateLimit === "string") await rateLimit(spec.rateLimit, clientAddress(request));
      const claims = await authorize(request, spec.auth);
      if (typeof spec.rateLimit === "object") await rateLimit(spec.rateLimit.name, claims ? claims.sub : clientAddress(request));
      const params = spec.params ? parse(spec.params, await context.params) : undefined;
      const headers = spec.headers ? parse(spec.headers, Object.fromEntries(request.headers)) : undefined;
      const query = spec.query ? parse(spec.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined;
      const body = spec.body ? await readBody(request, spec.body) : undefined;
      return await handler({ request, claims, params, body, headers, query } as RouteInput<A, P, B, H, Q>);
    } catch (error) {
      return answerError(request, error);
    }
  };
}
