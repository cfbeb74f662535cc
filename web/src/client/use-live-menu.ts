"use client";
import type { Menu, TokenResponse } from "@orderly/shared";
import type { LiveFeed } from "@orderly/shared/client";
import { useEffect, useRef, useState } from "react";
import { api } from "./api.ts";
import { useLiveFeed } from "./use-live-feed.ts";

const RETRY_MS = 5000;
/** Past this, a timer would overflow or not matter: the next snapshot resets it anyway. */
const LONGEST_WAIT_MS = 12 * 3600_000;

/**
 * The menu page's restaurant, live: a guest token for it, a socket in its menu room, and the
 * menu re-read on every (re)connect and gap. Also re-read when ordering opens, closes or a capped
 * slot frees, so the page never offers what the restaurant would refuse.
 */
export function useLiveMenu(initial: Menu, realtimeUrl: string): { menu: Menu; live: LiveFeed | null } {
  const slug = initial.restaurant.slug;
  const token = useRef<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      api<TokenResponse>(`/api/restaurants/${slug}/guest-token`, { method: "POST" }).then(
        (issued) => {
          token.current = issued.token;
          if (!stopped) setReady(true);
        },
        () => {
          if (!stopped) timer = setTimeout(ask, RETRY_MS);
        },
      );
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [slug]);

  const live = useLiveFeed(ready ? slug : null, {
    realtimeUrl,
    token: () => token.current!,
    loadSnapshot: async () => ({ tickets: [], menu: await api<Menu>(`/api/restaurants/${slug}/menu`) }),
    refreshToken: async () => {
      token.current = (await api<TokenResponse>(`/api/restaurants/${slug}/guest-token`, { method: "POST" })).token;
      return token.current;
    },
  });
  const menu = live?.restaurant.menu ?? initial;

  const { opensAt, closesAt, nextFreeSlotAt } = menu.ordering;
  useEffect(() => {
    const next = [opensAt, closesAt, nextFreeSlotAt].filter((t) => t !== null).map((t) => Date.parse(t) - Date.now());
    const wait = Math.min(...next.filter((ms) => ms > 0 && ms < LONGEST_WAIT_MS));
    if (!live || !Number.isFinite(wait)) return;
    const timer = setTimeout(() => void live.resync(), wait + 1000);
    return () => clearTimeout(timer);
  }, [live, opensAt, closesAt, nextFreeSlotAt]);

  return { menu, live };
}
