"use client";
import { LiveFeed, type LiveFeedOptions } from "@orderly/shared/client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/**
 * One LiveFeed per mounted screen and key. The effect's cleanup closes it, so StrictMode's
 * mount-unmount-mount leaves exactly one socket open, and the feed's seq bookkeeping applies
 * each event once. Options are read through a ref: callbacks may change without reconnecting.
 */
export function useLiveFeed(key: string | null, options: LiveFeedOptions): LiveFeed | null {
  const latest = useRef(options);
  latest.current = options;
  const [live, setLive] = useState<LiveFeed | null>(null);

  useEffect(() => {
    if (!key) return;
    const feed = new LiveFeed({
      realtimeUrl: latest.current.realtimeUrl,
      token: () => latest.current.token(),
      loadSnapshot: () => latest.current.loadSnapshot(),
      refreshToken: () => latest.current.refreshToken?.() ?? Promise.resolve(null),
      onUnauthorized: () => latest.current.onUnauthorized?.(),
      onUpdate: (...args) => latest.current.onUpdate?.(...args),
      onRestaurantUpdate: (...args) => latest.current.onRestaurantUpdate?.(...args),
      onPosition: (...args) => latest.current.onPosition?.(...args),
    });
    setLive(feed);
    return () => {
      feed.close();
      setLive(null);
    };
  }, [key]);

  useSyncExternalStore(live?.subscribe ?? noSubscription, () => live?.getVersion() ?? -1, () => -1);
  return live;
}

/** The current time, ticking every `ms`. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
