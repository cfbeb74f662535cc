/** A pseudo-random source in [0, 1), like Math.random. */
export type Random = () => number;

/** mulberry32: small, fast and good enough for made-up data; the same seed gives the same sequence. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const between = (random: Random, min: number, max: number): number => min + random() * (max - min);

/** A whole number from min to max, both included. */
export const intBetween = (random: Random, min: number, max: number): number => Math.floor(between(random, min, max + 1));

export const chance = (random: Random, probability: number): boolean => random() < probability;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One of `items`, each as likely as its weight. */
export function pickWeighted<T>(random: Random, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let left = random() * total;
  for (const item of items) {
    left -= weight(item);
    if (left < 0) return item;
  }
  return items[items.length - 1]!;
}
