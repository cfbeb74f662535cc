"use client";
import type { Ticket, TicketItem } from "@orderly/shared";
import type { ReactNode } from "react";
import { ALLERGEN_LABELS } from "./labels.ts";
import { BEING_MADE, ageSeconds, clockTime, formatAge, lateness } from "./ticket-timing.ts";

const LATENESS_WORDS = { "on-time": null, due: "◷ DUE", late: "⚠ LATE" } as const;

/**
 * One ticket as every kitchen screen shows it: code, rush and recall bands, age with DUE/LATE in
 * words, when it was placed and promised, and the given items with their allergens and notes. Screens add
 * per-item controls (`itemAction`), a line under the head (`progress`) and their buttons (children).
 */
export function TicketCard(props: {
  ticket: Ticket;
  now: number;
  items: readonly TicketItem[];
  fresh?: boolean;
  /** Nothing left to do here: shown dimmed until the ticket leaves. */
  dimmed?: boolean;
  progress?: ReactNode;
  itemAction?(item: TicketItem): ReactNode;
  children?: ReactNode;
}) {
  const { ticket } = props;
  const late = lateness(ticket, props.now);
  const classes = ["ticket", `ticket-${late}`, ticket.rush && "ticket-rush", props.fresh && "ticket-fresh", props.dimmed && "ticket-dimmed"];
  return (
    <article
      className={classes.filter(Boolean).join(" ")}
      data-testid="ticket"
      data-code={ticket.code}
      data-status={ticket.status}
      aria-label={`Order ${ticket.code}`}
    >
      {ticket.rush && (
        <p className="band band-rush" data-testid="rush-badge">
          ⚡ Rush
        </p>
      )}
      {ticket.recalledAt && (
        <p className="band band-recalled" data-testid="recalled-badge">
          ↩ Recalled
        </p>
      )}
      <header className="ticket-head">
        <span className="ticket-code">{ticket.code}</span>
        <span className="ticket-age" aria-label="age">
          {formatAge(ageSeconds(ticket, props.now))}
        </span>
      </header>
      <p className="ticket-meta">
        <span className={`badge badge-${ticket.fulfilment.toLowerCase()}`}>{ticket.fulfilment === "DELIVERY" ? "Delivery" : "Pickup"}</span>
        <span>
          Placed {clockTime(ticket.createdAt)} · {ticket.customerName}
        </span>
        {ticket.scheduledFor && (
          <span className="flag flag-scheduled" data-testid="scheduled-for">
            For {clockTime(ticket.scheduledFor)}
          </span>
        )}
        {ticket.estimatedReadyAt && BEING_MADE.includes(ticket.status) && <span data-testid="promised">Promised {clockTime(ticket.estimatedReadyAt)}</span>}
        {LATENESS_WORDS[late] && (
          <span className={`flag flag-${late}`} data-testid="lateness">
            {LATENESS_WORDS[late]}
          </span>
        )}
      </p>
      {props.progress}
      <ul className="ticket-items">
        {props.items.map((item) => (
          <li key={item.id} className={item.doneAt ? "item item-done" : "item"} data-testid="item" data-item={item.name} data-done={Boolean(item.doneAt)}>
            <div className="item-line">
              <span className="qty-big">{item.quantity}×</span>
              <span className="item-name">{item.name}</span>
              {item.doneAt && !props.itemAction && (
                <span className="item-check" aria-label="done">
                  ✓
                </span>
              )}
            </div>
            {item.allergens.length > 0 && (
              <ul className="allergens" aria-label="Allergies">
                {item.allergens.map((allergen) => (
                  <li key={allergen} className="allergen" data-testid="allergen">
                    ⚠ {ALLERGEN_LABELS[allergen]}
                  </li>
                ))}
              </ul>
            )}
            {item.notes && <p className="note">{item.notes}</p>}
            {props.itemAction?.(item)}
          </li>
        ))}
      </ul>
      {props.children}
    </article>
  );
}
