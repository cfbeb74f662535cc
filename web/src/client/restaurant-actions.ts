"use client";
import { AppError, type Menu } from "@orderly/shared";
import type { LiveFeed } from "@orderly/shared/client";
import { api } from "./api.ts";

/**
 * Changes the menu or ordering over HTTP: PATCH /api/restaurants/{slug}/{path}. The answer (the
 * menu as it stands) is shown at once; the push that follows is a duplicate. Answers what went
 * wrong, in the kitchen's words, or null.
 */
export async function changeRestaurant(live: LiveFeed, token: string, slug: string, path: string, body: unknown): Promise<string | null> {
  try {
    live.applyMenu(await api<Menu>(`/api/restaurants/${slug}/${path}`, { method: "PATCH", body, token }));
    return null;
  } catch (error) {
    await live.resync();
    if (error instanceof AppError && error.code !== "NETWORK") return `Not changed: ${error.message}`;
    return "Not changed: the server cannot be reached. Try again.";
  }
}
