import { describe, expect, it } from "vitest";
import { CourierPositions } from "../src/client/index.ts";
import { deliveryEta, distanceMetres, NEARBY_METRES } from "../src/index.ts";

const fortKochi = { latitude: 9.9658, longitude: 76.2421 };
const edappally = { latitude: 10.0261, longitude: 76.3084 };

describe("deliveryEta", () => {
  it("measures great-circle distance: one degree of latitude is about 111.2 km, Fort Kochi to Edappally about 9.9 km", () => {
    expect(distanceMetres({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111_195, -1);
    expect(distanceMetres(fortKochi, edappally) / 1000).toBeCloseTo(9.88, 1);
    expect(distanceMetres(fortKochi, fortKochi)).toBe(0);
  });

  it("takes minutes from the road distance (1.3 × straight) and the courier's speed, or a city pace when stopped or unknown", () => {
    // 9.88 km × 1.3 at 10 m/s = 1285 s → 21 min; at the 5 m/s default → 43 min.
    expect(deliveryEta({ ...fortKochi, speedMps: 10 }, edappally).minutes).toBe(21);
    expect(deliveryEta({ ...fortKochi, speedMps: null }, edappally).minutes).toBe(43);
    expect(deliveryEta({ ...fortKochi, speedMps: 0.3 }, edappally).minutes).toBe(43);
    expect(deliveryEta({ ...fortKochi, speedMps: 10 }, fortKochi)).toEqual({ metres: 0, minutes: 1, nearby: true });
  });

  it("calls the courier nearby within 300 m", () => {
    const metresNorth = (m: number) => ({ latitude: fortKochi.latitude + m / 111_195, longitude: fortKochi.longitude, speedMps: null });
    expect(deliveryEta(metresNorth(NEARBY_METRES - 5), fortKochi).nearby).toBe(true);
    expect(deliveryEta(metresNorth(NEARBY_METRES + 5), fortKochi).nearby).toBe(false);
  });
});

describe("CourierPositions", () => {
  it("keeps the newest position of each order by the time it was taken, whatever order they arrive in", () => {
    const positions = new CourierPositions();
    const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, s)).toISOString();
    const position = (orderId: string, s: number, latitude: number) => ({ orderId, latitude, longitude: 76, accuracyM: null, speedMps: null, at: at(s) });
    expect(positions.offer(position("a", 10, 1))).toBe(true);
    expect(positions.offer(position("a", 5, 2))).toBe(false);
    expect(positions.offer(position("a", 10, 3))).toBe(false);
    expect(positions.offer(position("b", 1, 4))).toBe(true);
    expect(positions.offer(position("a", 11, 5))).toBe(true);
    expect(positions.of("a")?.latitude).toBe(5);
    expect(positions.of("b")?.latitude).toBe(4);
    expect(positions.of("c")).toBeUndefined();
  });
});
