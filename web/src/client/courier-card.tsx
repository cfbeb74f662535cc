"use client";
import { formatRupees, type Ticket } from "@orderly/shared";
import { telHref } from "./contact-card.tsx";
import type { ReactNode } from "react";

/** Where the courier navigates to: the customer's pin when they shared one, else their address. */
function mapsLink(ticket: Ticket): string {
  const place = ticket.deliveryLocation ? `${ticket.deliveryLocation.latitude},${ticket.deliveryLocation.longitude}` : ticket.deliveryAddress!;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(place)}`;
}

function collectText({ payment }: Ticket): string {
  if (payment.amountDuePaise > 0) return `Collect ${formatRupees(payment.amountDuePaise)} cash`;
  return payment.method === "ONLINE" ? "Paid online — collect nothing" : "Paid — collect nothing";
}

/**
 * One delivery as a courier reads it at arm's length: what to collect first, then who and where
 * (a tap calls or navigates), what is in the bag, and the card's actions at the bottom, under the thumb.
 */
export function CourierCard(props: { ticket: Ticket; /** Where it stands for this courier ("On the way"). */ tag?: string; children: ReactNode }) {
  const { ticket, tag } = props;
  return (
    <article className={`delivery${ticket.rush ? " delivery-rush" : ""}`} data-testid="delivery" data-code={ticket.code} aria-label={`Order ${ticket.code}`}>
      <header className="delivery-head">
        <span className="ticket-code">{ticket.code}</span>
        {ticket.rush && <span className="badge badge-rush">Rush</span>}
        {tag && <span className="delivery-tag">{tag}</span>}
      </header>
      <p className={`collect ${ticket.payment.amountDuePaise > 0 ? "collect-cash" : "collect-none"}`} data-testid="collect">
        {collectText(ticket)}
      </p>
      <div className="delivery-contact">
        <span className="delivery-customer">{ticket.customerName}</span>
        <a className="btn delivery-call" href={telHref(ticket.customerPhone)}>
          Call {ticket.customerPhone}
        </a>
      </div>
      {ticket.deliveryAddress && (
        <a className="delivery-address" href={mapsLink(ticket)} target="_blank" rel="noreferrer">
          {ticket.deliveryAddress} ↗
        </a>
      )}
      <ul className="delivery-items">
        {ticket.items.map((item) => (
          <li key={item.id}>
            <b>{item.quantity} ×</b> {item.name}
            {item.notes && <span className="delivery-note"> — {item.notes}</span>}
          </li>
        ))}
      </ul>
      <div className="delivery-actions">{props.children}</div>
    </article>
  );
}
