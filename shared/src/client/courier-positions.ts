import type { CourierPosition } from "../delivery.schema.ts";

/**
 * The latest courier position of each order. Positions carry no seq: one taken later (`at`)
 * replaces an earlier one, and an earlier one arriving late (a retry, another server) is ignored.
 */
export class CourierPositions {
  private latest = new Map<string, CourierPosition>();

  /** Keeps `position` if it is the newest of its order; says whether it was. */
  offer(position: CourierPosition): boolean {
    const known = this.latest.get(position.orderId);
    if (known && Date.parse(known.at) >= Date.parse(position.at)) return false;
    this.latest.set(position.orderId, position);
    return true;
  }

  of(orderId: string): CourierPosition | undefined {
    return this.latest.get(orderId);
  }
}
