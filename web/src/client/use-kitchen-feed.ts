"use client";
import type { Menu, OrderUpdate, Ticket, TicketList } from "@orderly/shared";
import type { LiveFeed, UpdateEvent } from "@orderly/shared/client";
import { useRef, useState } from "react";
import { chime } from "./alert-sound.ts";
import { api } from "./api.ts";
import type { StaffSessionState } from "./staff-session.ts";
import { useLiveFeed, useNow } from "./use-live-feed.ts";

const FRESH_MS = 6000;

/** A change a screen sends for a ticket: resolves with what went wrong, or null. */
export type TicketChange = (live: LiveFeed, token: string) => Promise<string | null>;

/**
 * The live tickets of a kitchen screen (the expo or a station), with what both need around them:
 * the server's clock for ages, new tickets chimed and highlighted, one request at a time per
 * ticket, and the last problem, cleared once the screen has caught up (a snapshot read or a
 * later change that went through).
 */
export function useKitchenFeed(options: {
  staff: StaffSessionState;
  realtimeUrl: string;
  /** The snapshot this screen reads: GET of a TicketList. */
  snapshotPath: string;
  /** Also keeps the restaurant's menu live (the expo's menu drawer), read from here. */
  menuPath?: string;
  /** Whether a pushed update brings this screen a ticket to start on. */
  isNewTicket(event: UpdateEvent, update: OrderUpdate): boolean;
}) {
  const { staff, snapshotPath, menuPath } = options;
  const now = useNow(1000);
  const clockOffset = useRef(0);
  const [recallWindowMinutes, setRecallWindowMinutes] = useState(0);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);

  const live = useLiveFeed(staff.session ? `${snapshotPath}:${staff.session.staffId}` : null, {
    realtimeUrl: options.realtimeUrl,
    token: staff.currentToken,
    loadSnapshot: async () => {
      const [list, menu] = await Promise.all([
        api<TicketList>(snapshotPath, { token: staff.currentToken() }),
        menuPath ? api<Menu>(menuPath) : undefined,
      ]);
      clockOffset.current = Date.parse(list.serverTime) - Date.now();
      setRecallWindowMinutes(list.recallWindowMinutes);
      setProblem(null);
      return { tickets: list.tickets, menu };
    },
    refreshToken: staff.refresh,
    onUnauthorized: () => staff.logout("Your session has ended. Please log in again."),
    onUpdate: (event, update, result) => {
      if (result !== "applied" || !options.isNewTicket(event, update)) return;
      const id = update.ticket.id;
      chime();
      setFresh((s) => new Set(s).add(id));
      setTimeout(() => setFresh((s) => new Set([...s].filter((other) => other !== id))), FRESH_MS);
    },
  });

  /** Runs a change of `key` (a ticket, or "menu"), one at a time per key. */
  async function runFor(key: string, change: TicketChange) {
    if (!live || busy.has(key)) return;
    setBusy((s) => new Set(s).add(key));
    try {
      setProblem(await change(live, staff.currentToken()));
    } finally {
      setBusy((s) => new Set([...s].filter((id) => id !== key)));
    }
  }

  return {
    live,
    tickets: live?.feed.list ?? [],
    menu: live?.restaurant.menu ?? null,
    /** Now on the server's clock. */
    now: now + clockOffset.current,
    recallWindowMinutes,
    fresh,
    busy,
    problem,
    run: (ticket: Ticket, change: TicketChange) => runFor(ticket.id, change),
    runFor,
  };
}
