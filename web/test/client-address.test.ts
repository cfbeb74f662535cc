import { beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, clientAddress } from "@/http/client-address.ts";
import { INTERNAL_SECRET, JWT_SECRET } from "./helpers.ts";

beforeAll(() => {
  Object.assign(process.env, { DATABASE_URL: "postgresql://unused@127.0.0.1/unused", JWT_SECRET, INTERNAL_SECRET, TRUST_PROXY: "2" });
});

const request = (headers: Record<string, string>) => new Request("http://localhost/", { headers });

describe("client address with TRUST_PROXY=2", () => {
  it("takes the entry the second proxy appended, ignoring what the client put before it", () => {
    expect(clientAddress(request({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2", [PEER_HEADER]: "10.0.0.1" }))).toBe("203.0.113.9");
  });

  it("falls back to the peer when the chain is shorter than the proxies", () => {
    expect(clientAddress(request({ "x-forwarded-for": "10.0.0.2", [PEER_HEADER]: "10.0.0.1" }))).toBe("10.0.0.1");
  });
});
