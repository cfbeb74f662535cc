import { describe, expect, it } from "vitest";
import { RestaurantFeed } from "../src/client/index.ts";
import { restaurantUpdateSchema } from "../src/index.ts";
import { availabilityUpdate, menu } from "./fixtures.ts";

describe("RestaurantFeed", () => {
  it("applies the next seq, ignores old ones and reports a gap", () => {
    const feed = new RestaurantFeed();
    const start = menu({ seq: 3 });
    feed.reset(start);
    const soldOut = availabilityUpdate(start, false);
    expect(restaurantUpdateSchema.parse(soldOut)).toEqual(soldOut);

    expect(feed.apply(soldOut)).toBe("applied");
    expect(feed.menu?.categories[0]!.items[0]!.available).toBe(false);
    expect(feed.apply(soldOut)).toBe("duplicate");
    expect(feed.apply(availabilityUpdate(start, true, 3))).toBe("duplicate");
    expect(feed.menu?.seq).toBe(4);
    expect(feed.apply(availabilityUpdate(feed.menu!, true, 6))).toBe("gap");
    expect(feed.menu?.categories[0]!.items[0]!.available).toBe(false);
    expect(feed.apply(availabilityUpdate(feed.menu!, true))).toBe("applied");
    expect(feed.menu?.categories[0]!.items[0]!.available).toBe(true);
    expect(feed.counts).toEqual({ applied: 2, duplicate: 2, gap: 1 });
  });

  it("refuses an update whose menu is of another restaurant or older than its event", () => {
    const update = availabilityUpdate(menu(), false);
    expect(restaurantUpdateSchema.safeParse({ ...update, menu: { ...update.menu, seq: 0 } }).success).toBe(false);
    expect(restaurantUpdateSchema.safeParse({ ...update, menu: menu({ seq: 1 }) }).success).toBe(false);
  });

  it("keeps an offered menu only if it is not older than the one held", () => {
    const feed = new RestaurantFeed();
    feed.offer(menu({ seq: 2 }));
    feed.offer(menu({ seq: 1 }));
    expect(feed.menu?.seq).toBe(2);
    feed.offer(menu({ seq: 5 }));
    expect(feed.menu?.seq).toBe(5);
  });
});
