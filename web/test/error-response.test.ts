import { Prisma } from "@orderly/prisma";
import { describe, expect, it } from "vitest";
import { answerError } from "@/http/error-response.ts";
import { INTERNAL_SECRET, JWT_SECRET } from "./helpers.ts";

const request = new Request("http://localhost/api/orders", { method: "POST" });
const prismaError = (code: string) => new Prisma.PrismaClientKnownRequestError("busy", { code, clientVersion: "7" });

describe("answerError", () => {
  it("answers a saturated database (no connection or no transaction in time) 503 with Retry-After, not 500", async () => {
    Object.assign(process.env, { JWT_SECRET, INTERNAL_SECRET, DATABASE_URL: "postgres://orderly@127.0.0.1:9/unused", LOG_LEVEL: "silent" });
    for (const code of ["P2024", "P2028"]) {
      const response = answerError(request, prismaError(code));
      expect(response.status, code).toBe(503);
      expect(response.headers.get("retry-after")).toBe("2");
      expect((await response.json()).error.code).toBe("DATABASE_UNAVAILABLE");
    }
    expect(answerError(request, prismaError("P2002")).status).toBe(500);
  });
});
