import { describe, expect, it } from "vitest";
import { endOfDay, openAt, openStateAt, type OpeningHours } from "@/restaurants/opening-hours.ts";

const periods = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensMinute: 11 * 60, closesMinute: 23 * 60 }));
const kept: OpeningHours = { timeZone: "Europe/London", periods };
/** The same hours in a new array each time: never answered from what was built before. */
const fresh = (): OpeningHours => ({ timeZone: "Europe/London", periods: periods.map((p) => ({ ...p })) });

describe("opening hours asked again and again for one restaurant (intervals built once per local day)", () => {
  it("answer as if built afresh, across local midnights and the spring clock change", () => {
    // Saturday 28 March 2026 to Monday 30 March, London: clocks go forward at 01:00 on the Sunday.
    const start = Date.parse("2026-03-28T21:00:00Z");
    for (let at = start; at < start + 50 * 3_600_000; at += 17 * 60_000) {
      const now = new Date(at);
      expect(openStateAt(kept, now), now.toISOString()).toEqual(openStateAt(fresh(), now));
      expect(endOfDay(kept, now), now.toISOString()).toEqual(endOfDay(fresh(), now));
      const later = new Date(at + 5 * 3_600_000);
      expect(openAt(kept, now)(later)).toBe(openAt(fresh(), now)(later));
    }
    expect(endOfDay(kept, new Date("2026-03-28T23:30:00Z"))).toEqual(new Date("2026-03-29T00:00:00Z"));
    // From Sunday on, London is an hour ahead of UTC: its midnights are at 23:00 UTC.
    expect(endOfDay(kept, new Date("2026-03-29T22:30:00Z"))).toEqual(new Date("2026-03-29T23:00:00Z"));
    expect(endOfDay(kept, new Date("2026-03-29T23:30:00Z"))).toEqual(new Date("2026-03-30T23:00:00Z"));
  });
});
