import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, ROLES, canTransition, isFinal, judgeMove, nextStatuses, type Fulfilment, type Role } from "../src/index.ts";

// Written out from DESIGN.md independently of ORDER_MOVES: "role fulfilment FROM>TO", * = both.
const ALLOWED = new Set(
  `
kitchen * PLACED>ACCEPTED
kitchen * ACCEPTED>PREPARING
kitchen * PREPARING>READY
kitchen PICKUP READY>COLLECTED
kitchen * PLACED>CANCELLED
kitchen * ACCEPTED>CANCELLED
kitchen * PREPARING>CANCELLED
kitchen * PLACED>REJECTED
delivery DELIVERY READY>OUT_FOR_DELIVERY
delivery DELIVERY OUT_FOR_DELIVERY>DELIVERED
customer * PLACED>CANCELLED
`
    .trim()
    .split("\n")
    .flatMap((line) => {
      const [role, fulfilment, move] = line.split(" ");
      const roles = role === "kitchen" || role === "delivery" ? [role, "admin"] : [role!];
      const fulfilments = fulfilment === "*" ? ["PICKUP", "DELIVERY"] : [fulfilment!];
      return roles.flatMap((r) => fulfilments.map((f) => `${r} ${f} ${move}`));
    }),
);

const FULFILMENTS: Fulfilment[] = ["PICKUP", "DELIVERY"];

describe("canTransition", () => {
  const cases = ROLES.flatMap((role) => FULFILMENTS.map((fulfilment) => [role, fulfilment] as const));

  it.each(cases)("%s on a %s order: exactly the moves of DESIGN.md, every other pair refused", (role, fulfilment) => {
    const allowed: string[] = [];
    const expected: string[] = [];
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const key = `${role} ${fulfilment} ${from}>${to}`;
        if (canTransition(role, from, to, fulfilment)) allowed.push(key);
        if (ALLOWED.has(key)) expected.push(key);
      }
    }
    expect(allowed).toEqual(expected);
  });

  it("checks all 648 role/fulfilment/from/to combinations", () => {
    let checked = 0;
    for (const role of ROLES)
      for (const fulfilment of FULFILMENTS)
        for (const from of ORDER_STATUSES)
          for (const to of ORDER_STATUSES) {
            expect(canTransition(role, from, to, fulfilment), `${role} ${fulfilment} ${from}>${to}`).toBe(
              ALLOWED.has(`${role} ${fulfilment} ${from}>${to}`),
            );
            checked++;
          }
    expect(checked).toBe(4 * 2 * 9 * 9);
  });

  it("never leaves a final status", () => {
    for (const from of ORDER_STATUSES.filter(isFinal))
      for (const role of ROLES) for (const f of FULFILMENTS) expect(nextStatuses(role, from, f)).toEqual([]);
  });

  it("lists the next statuses a role may choose", () => {
    expect(nextStatuses("kitchen", "PLACED", "DELIVERY")).toEqual(["ACCEPTED", "CANCELLED", "REJECTED"]);
    expect(nextStatuses("delivery", "READY", "DELIVERY")).toEqual(["OUT_FOR_DELIVERY"]);
    expect(nextStatuses("delivery", "READY", "PICKUP")).toEqual([]);
    expect(nextStatuses("kitchen" as Role, "READY", "PICKUP")).toEqual(["COLLECTED"]);
  });
});

describe("judgeMove", () => {
  it("calls a move the role may never make forbidden (403) and one the order's state forbids illegal (409)", () => {
    for (const role of ROLES)
      for (const fulfilment of FULFILMENTS)
        for (const from of ORDER_STATUSES)
          for (const to of ORDER_STATUSES) {
            const key = `${role} ${fulfilment} ${from}>${to}`;
            const roleEverMovesTo = [...ALLOWED].some((allowed) => allowed.startsWith(`${role} `) && allowed.endsWith(`>${to}`));
            const expected = ALLOWED.has(key) ? "allowed" : roleEverMovesTo ? "illegal" : "forbidden";
            expect(judgeMove(role, from, to, fulfilment), key).toBe(expected);
          }
    expect(judgeMove("customer", "PLACED", "ACCEPTED", "DELIVERY")).toBe("forbidden");
    expect(judgeMove("customer", "ACCEPTED", "CANCELLED", "DELIVERY")).toBe("illegal");
    expect(judgeMove("delivery", "READY", "OUT_FOR_DELIVERY", "PICKUP")).toBe("illegal");
  });
});
