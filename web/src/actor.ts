import { actorRoleFor, type ActingClaims, type ActorRole } from "@orderly/shared";

/** Who made a change, as its event row records it. */
export interface Actor {
  role: ActorRole;
  /** The staff member; null for customers and the system. */
  id: string | null;
}

export const SYSTEM: Actor = { role: "SYSTEM", id: null };

export function actorOf(claims: ActingClaims): Actor {
  return { role: actorRoleFor(claims.role), id: claims.role === "customer" ? null : claims.sub };
}
