/** "Kitchen — Malabar Table, Fort Kochi": the screen, then the restaurant (whose name has its own dash). */
export function screenTitle(screen: string, restaurantName: string): string {
  return `${screen} — ${restaurantName.replace(" — ", ", ")}`;
}
