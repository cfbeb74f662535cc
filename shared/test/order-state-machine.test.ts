import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, ROLES, canTransition, isFinal, judgeMove, nextStatuses, recallTarget, type Fulfilment, type OrderStatus, type Role } from "../src/index.ts";

// Written out from docs/architecture.md independently of ORDER_MOVES: "role fulfilment FROM>TO", * = both.
const ALLOWED = new Set(
  `
kitchen * SCHEDULED>CANCELLED
kitchen * SCHEDULED>REJECTED
customer * SCHEDULED>CANCELLED
kitchen * CANCELLED>SCHEDULED
kitchen * REJECTED>SCHEDULED
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
delivery DELIVERY OUT_FOR_DELIVERY>DELIVERY_FAILED
customer * PLACED>CANCELLED
kitchen * READY>PREPARING
kitchen * PREPARING>ACCEPTED
kitchen PICKUP COLLECTED>READY
kitchen * CANCELLED>PLACED
kitchen * CANCELLED>ACCEPTED
kitchen * CANCELLED>PREPARING
kitchen * REJECTED>PLACED
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

  it("checks all 1452 role/fulfilment/from/to combinations", () => {
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
    expect(checked).toBe(6 * 2 * 11 * 11);
  });

  it("never moves forward from a final status, and never back once the courier has the food", () => {
    for (const from of ORDER_STATUSES.filter(isFinal))
      for (const role of ROLES) for (const f of FULFILMENTS) expect(nextStatuses(role, from, f)).toEqual([]);
    const handedOver: OrderStatus[] = ["DELIVERED", "DELIVERY_FAILED"];
    for (const from of ["OUT_FOR_DELIVERY", ...handedOver] as const)
      for (const to of ORDER_STATUSES)
        for (const role of ROLES) expect(canTransition(role, from, to, "DELIVERY") && !handedOver.includes(to), `${role} ${from}>${to}`).toBe(false);
  });

  it("lists the next statuses a role may choose", () => {
    expect(nextStatuses("kitchen", "PLACED", "DELIVERY")).toEqual(["ACCEPTED", "CANCELLED", "REJECTED"]);
    expect(nextStatuses("delivery", "READY", "DELIVERY")).toEqual(["OUT_FOR_DELIVERY"]);
    expect(nextStatuses("delivery", "READY", "PICKUP")).toEqual([]);
    expect(nextStatuses("kitchen" as Role, "READY", "PICKUP")).toEqual(["COLLECTED"]);
  });
});

describe("judgeMove", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const recall = { now, windowMinutes: 30 };
  const order = (status: OrderStatus, previousStatus: OrderStatus | null = null, changed = 1, fulfilment: Fulfilment = "DELIVERY") => ({
    status,
    fulfilment,
    previousStatus,
    statusChangedAt: minutesAgo(changed),
  });

  it("calls a move the role may never make forbidden (403) and one the order's state forbids illegal (409)", () => {
    for (const role of ROLES)
      for (const fulfilment of FULFILMENTS)
        for (const from of ORDER_STATUSES)
          for (const to of ORDER_STATUSES) {
            const key = `${role} ${fulfilment} ${from}>${to}`;
            const roleEverMovesTo = [...ALLOWED].some((allowed) => allowed.startsWith(`${role} `) && allowed.endsWith(`>${to}`));
            const verdict = judgeMove(role, { status: from, fulfilment, previousStatus: to, statusChangedAt: now }, to, recall);
            expect(verdict, key).toBe(ALLOWED.has(key) ? "allowed" : roleEverMovesTo ? "illegal" : "forbidden");
          }
    expect(judgeMove("customer", order("PLACED"), "ACCEPTED", recall)).toBe("forbidden");
    expect(judgeMove("customer", order("ACCEPTED"), "CANCELLED", recall)).toBe("illegal");
    expect(judgeMove("delivery", order("READY", "PREPARING", 1, "PICKUP"), "OUT_FOR_DELIVERY", recall)).toBe("illegal");
    expect(judgeMove("station", order("READY", "PREPARING"), "PREPARING", recall)).toBe("forbidden");
  });

  it("lets kitchen and admin recall within the window of the move it undoes, and no one else", () => {
    for (const role of ["kitchen", "admin"] as const) {
      expect(judgeMove(role, order("READY", "PREPARING", 29), "PREPARING", recall)).toBe("allowed");
      expect(judgeMove(role, order("READY", "PREPARING", 31), "PREPARING", recall)).toBe("too_late");
      expect(judgeMove(role, order("PREPARING", "ACCEPTED", 5), "ACCEPTED", recall)).toBe("allowed");
      expect(judgeMove(role, order("COLLECTED", "READY", 5, "PICKUP"), "READY", recall)).toBe("allowed");
      expect(judgeMove(role, order("COLLECTED", "READY", 45, "PICKUP"), "READY", { now, windowMinutes: 60 })).toBe("allowed");
    }
    expect(judgeMove("customer", order("READY", "PREPARING"), "PREPARING", recall)).toBe("forbidden");
    expect(judgeMove("delivery", order("READY", "PREPARING"), "PREPARING", recall)).toBe("forbidden");
    expect(judgeMove("delivery", order("OUT_FOR_DELIVERY", "READY"), "READY", recall)).toBe("forbidden");
    expect(judgeMove("kitchen", order("OUT_FOR_DELIVERY", "READY"), "READY", recall)).toBe("illegal");
  });

  it("brings a cancelled or rejected order back only to where it was", () => {
    expect(judgeMove("kitchen", order("CANCELLED", "PREPARING"), "PREPARING", recall)).toBe("allowed");
    expect(judgeMove("kitchen", order("CANCELLED", "PREPARING"), "PLACED", recall)).toBe("illegal");
    expect(judgeMove("kitchen", order("REJECTED", "PLACED"), "PLACED", recall)).toBe("allowed");
    expect(judgeMove("kitchen", order("CANCELLED", "ACCEPTED", 40), "ACCEPTED", recall)).toBe("too_late");
    expect(recallTarget("kitchen", order("CANCELLED", "ACCEPTED"))).toBe("ACCEPTED");
    expect(recallTarget("kitchen", order("READY", "PREPARING"))).toBe("PREPARING");
    expect(recallTarget("kitchen", order("COLLECTED", "READY", 1, "PICKUP"))).toBe("READY");
    expect(recallTarget("kitchen", order("OUT_FOR_DELIVERY", "READY"))).toBeUndefined();
    expect(recallTarget("delivery", order("READY", "PREPARING"))).toBeUndefined();
  });
});
