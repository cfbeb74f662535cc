"use client";
import type { ActorRole, OrderSnapshot, OrderStatus, Ticket } from "@orderly/shared";
import { useEffect, useState } from "react";
import { api } from "./api.ts";
import { KITCHEN_CLOSE_REASONS, KITCHEN_STATUS_WORDS, MOVED_BY } from "./kitchen-labels.ts";
import { recallableTo } from "./recall.ts";
import { clockTime } from "./ticket-timing.ts";
import { useModalDialog } from "./use-modal-dialog.ts";

/**
 * The expo's "Recently bumped" drawer: tickets bumped READY, collected, cancelled or rejected within
 * the recall window, newest first, with when and by whom, each with its Recall.
 */
export function RecentlyBumped(props: {
  tickets: readonly Ticket[];
  now: number;
  windowMinutes: number;
  busy: ReadonlySet<string>;
  token(): string;
  onRecall(ticket: Ticket, to: OrderStatus): void;
  onClose(): void;
}) {
  const dialog = useModalDialog();
  return (
    <dialog ref={dialog} className="kds-dialog drawer" onClose={props.onClose} aria-labelledby="recently-bumped-title" data-testid="recently-bumped">
      <header className="drawer-head">
        <h2 id="recently-bumped-title">Recently bumped</h2>
        <button className="btn btn-big" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      <p className="muted-dark">Each can be recalled for {props.windowMinutes} minutes after its move.</p>
      {props.tickets.length === 0 && <p className="drawer-empty">Nothing bumped in the last {props.windowMinutes} minutes.</p>}
      <ul className="bumped-list">
        {props.tickets.map((ticket) => (
          <BumpedRow key={ticket.id} {...props} ticket={ticket} busy={props.busy.has(ticket.id)} />
        ))}
      </ul>
    </dialog>
  );
}

function BumpedRow(props: { ticket: Ticket; now: number; windowMinutes: number; busy: boolean; token(): string; onRecall(ticket: Ticket, to: OrderStatus): void }) {
  const { ticket } = props;
  const movedBy = useMovedBy(ticket, props.token);
  const target = recallableTo(ticket, props.now, props.windowMinutes);
  const minutesAgo = Math.floor((props.now - Date.parse(ticket.statusChangedAt)) / 60_000);
  return (
    <li className="bumped" data-testid="bumped" data-order-code={ticket.code} data-status={ticket.status}>
      <p className="bumped-what">
        <span className="ticket-code">{ticket.code}</span>
        <span className={`flag flag-${ticket.status.toLowerCase()}`}>{KITCHEN_STATUS_WORDS[ticket.status]}</span>
        {ticket.closeReason && (
          <span>
            {KITCHEN_CLOSE_REASONS[ticket.closeReason.code]}
            {ticket.closeReason.note && `: ${ticket.closeReason.note}`}
          </span>
        )}
      </p>
      <p className="bumped-when">
        {clockTime(ticket.statusChangedAt)} · {minutesAgo < 1 ? "just now" : `${minutesAgo} min ago`}
        {movedBy && ` · ${MOVED_BY[movedBy]}`}
      </p>
      <p className="bumped-items">{ticket.items.map((i) => `${i.quantity}× ${i.name}`).join(", ")}</p>
      {target && (
        <button className="btn btn-big btn-recall" disabled={props.busy} onClick={() => props.onRecall(ticket, target)}>
          ↩ Recall to {KITCHEN_STATUS_WORDS[target]}
        </button>
      )}
    </li>
  );
}

/** Who made the ticket's last move: read from its timeline, which the kitchen's list does not carry. */
function useMovedBy(ticket: Ticket, token: () => string): ActorRole | null {
  const [movedBy, setMovedBy] = useState<ActorRole | null>(null);
  useEffect(() => {
    let current = true;
    api<OrderSnapshot>(`/api/orders/${ticket.id}`, { token: token() }).then(
      (snapshot) => current && setMovedBy(snapshot.timeline.findLast((e) => e.type === "STATUS_CHANGED")?.actorRole ?? null),
      () => undefined, // a row without "by whom" is still a row
    );
    return () => {
      current = false;
    };
  }, [ticket.id, ticket.seq, token]);
  return movedBy;
}
