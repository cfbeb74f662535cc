"use client";
import { AppError, canTransition, deliveryEta, formatInr, isClosingStatus, isFinal, isRecall, type OrderEvent, type OrderSnapshot, type OrderStatus, type RestaurantContact } from "@orderly/shared";
import Link from "next/link";
import { useEffect, useState } from "react";
import { api } from "./api.ts";
import { CancelOrder } from "./cancel-order-dialog.tsx";
import { ConnectionIndicator } from "./connection-indicator.tsx";
import { ContactCard, telHref } from "./contact-card.tsx";
import { DeliveryPin } from "./delivery-pin.tsx";
import { DeliveryTracking } from "./delivery-tracking.tsx";
import { ALLERGEN_LABELS, CLOSE_REASON_LABELS } from "./labels.ts";
import { NotifyMe } from "./notify-me.tsx";
import { STEP_LABELS, statusSentence } from "./order-status-words.ts";
import { recallOrderToken } from "./order-token.ts";
import { PaymentLine } from "./payment-line.tsx";
import { ShareLink } from "./share-link.tsx";
import { useDocumentTitle } from "./use-document-title.ts";
import { useLiveFeed } from "./use-live-feed.ts";
import { useOrderNotifications } from "./use-order-notifications.ts";

/** What the snapshot says that no push updates: the restaurant to call and the handover PIN. */
type Details = { restaurant: RestaurantContact; deliveryPin: string | undefined };

/** The kitchen's estimate matters until the food is ready. */
const ESTIMATED: OrderStatus[] = ["SCHEDULED", "PLACED", "ACCEPTED", "PREPARING"];

const time = (iso: string) => new Date(iso).toLocaleTimeString("en-IN", { hour: "numeric", minute: "2-digit" });

/** A line of the customer's history for an event, or null for what a customer need not see (item bumps, rush, couriers). */
function historyLine(event: OrderEvent): string | null {
  switch (event.type) {
    case "STATUS_CHANGED": {
      const { from, to, reason } = event.payload;
      if (from !== null && isRecall(from, to)) return `Back in the kitchen: ${STEP_LABELS[to].toLowerCase()}`;
      return reason ? `${STEP_LABELS[to]}: ${CLOSE_REASON_LABELS[reason.code]}${reason.note ? ` (${reason.note})` : ""}` : STEP_LABELS[to];
    }
    case "ESTIMATE_CHANGED":
      return event.payload.estimatedReadyAt && `New estimate: ready by ${time(event.payload.estimatedReadyAt)}`;
    default:
      return null;
  }
}

export function OrderStatusPage({ orderId, realtimeUrl }: { orderId: string; realtimeUrl: string }) {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [details, setDetails] = useState<Details | null>(null);
  useEffect(() => setToken(recallOrderToken(orderId)), [orderId]);

  const live = useLiveFeed(token ? `${orderId}:${token}` : null, {
    realtimeUrl,
    token: () => token!,
    loadSnapshot: async () => {
      try {
        const snapshot = await api<OrderSnapshot>(`/api/orders/${orderId}`, { token: token! });
        setProblem(null);
        setDetails({ restaurant: snapshot.restaurant, deliveryPin: snapshot.deliveryPin });
        return {
          tickets: [snapshot.ticket],
          timelines: { [orderId]: snapshot.timeline },
          positions: snapshot.courierPosition ? [snapshot.courierPosition] : [],
        };
      } catch (error) {
        if (error instanceof AppError && error.status >= 400 && error.status < 500 && error.status !== 401) setProblem(error.message);
        throw error;
      }
    },
    onUnauthorized: () => setProblem("This order link has expired or is not valid on this device."),
  });

  const ticket = live?.feed.ticket(orderId);
  const onTheWay = ticket?.status === "OUT_FOR_DELIVERY";
  const position = onTheWay ? live?.positions.of(orderId) : undefined;
  const destination = ticket?.deliveryLocation ?? null;
  const nearby = position && destination ? deliveryEta(position, destination).nearby : false;
  const notifications = useOrderNotifications(orderId, ticket, nearby);
  useDocumentTitle(ticket ? `${notifications.titlePrefix}Order ${ticket.code} — ${STEP_LABELS[ticket.status]}` : null);

  if (token === null) return <p className="notice">This device has no access to this order. Open the link you were given when you ordered.</p>;
  const events = live?.feed.timeline(orderId) ?? [];
  const moves = events.flatMap((e) => (e.type === "STATUS_CHANGED" ? [{ ...e.payload, at: e.at }] : []));
  if (problem) return <p className="notice">{problem}</p>;
  if (!ticket || !details || !live || !token) return <p className="muted">Loading your order…</p>;
  const { restaurant, deliveryPin } = details;

  const lifecycle: OrderStatus[] =
    ticket.fulfilment === "DELIVERY"
      ? ["PLACED", "ACCEPTED", "PREPARING", "READY", "OUT_FOR_DELIVERY", ticket.status === "DELIVERY_FAILED" ? "DELIVERY_FAILED" : "DELIVERED"]
      : ["PLACED", "ACCEPTED", "PREPARING", "READY", "COLLECTED"];
  const path: OrderStatus[] =
    ticket.status === "CANCELLED" || ticket.status === "REJECTED"
      ? [...new Set(moves.map((m) => m.to))]
      : ticket.scheduledFor
        ? ["SCHEDULED", ...lifecycle]
        : lifecycle;
  const reachedAt = new Map(moves.map((m) => [m.to, m.at]));

  const closeReason = ticket.closeReason && `${CLOSE_REASON_LABELS[ticket.closeReason.code]}${ticket.closeReason.note ? `: ${ticket.closeReason.note}` : ""}`;

  return (
    <div className="status-page">
      <nav>
        <Link className="back-link" href="/">
          ← Restaurants
        </Link>
      </nav>
      <header className="status-head">
        <div>
          <p className="muted">Order</p>
          <h1 data-testid="order-code">{ticket.code}</h1>
        </div>
        <ConnectionIndicator live={live} />
      </header>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="status-announcement">
        <p className={`status-now${isClosingStatus(ticket.status) ? " status-unhappy" : ""}`} data-testid="order-status" data-status={ticket.status}>
          {STEP_LABELS[ticket.status]}
        </p>
        <p className="status-sentence">{statusSentence(ticket)}</p>
      </div>
      {ticket.scheduledFor && (
        <p className="estimate" data-testid="scheduled-for">
          Scheduled for {time(ticket.scheduledFor)}
          {ticket.status === "SCHEDULED" && " — the kitchen starts it in time for then"}
        </p>
      )}
      {ticket.estimatedReadyAt && ESTIMATED.includes(ticket.status) && (
        <p className="estimate">Kitchen estimate: ready by {time(ticket.estimatedReadyAt)}</p>
      )}
      {onTheWay && <DeliveryTracking position={position} destination={destination} restaurant={restaurant.location} />}
      {deliveryPin && (ticket.status === "READY" || onTheWay) && <DeliveryPin pin={deliveryPin} />}
      {ticket.courier && (ticket.status === "READY" || onTheWay) && (
        <ContactCard role="Your courier" name={ticket.courier.name} phone={ticket.courier.phone} testId="courier" />
      )}
      {ticket.status === "DELIVERY_FAILED" ? (
        <section className="failed" data-testid="delivery-failed">
          <p>
            <strong>{closeReason}.</strong>
          </p>
          <p>Call the restaurant to arrange another delivery or a refund:</p>
          <a className="btn btn-primary btn-wide" href={telHref(restaurant.phone)} aria-label={`Call ${restaurant.name}: ${restaurant.phone}`}>
            Call the restaurant: <span className="nowrap">{restaurant.phone}</span>
          </a>
        </section>
      ) : (
        closeReason && (
          <p className="notice" data-testid="close-reason">
            {closeReason}
          </p>
        )
      )}
      {!isFinal(ticket.status) && <NotifyMe state={notifications.state} ticket={ticket} onEnable={notifications.enable} />}
      {canTransition("customer", ticket.status, "CANCELLED", ticket.fulfilment) && <CancelOrder live={live} token={token} orderId={orderId} code={ticket.code} />}
      <ol className="timeline" aria-label="Progress">
        {path.map((status, index) => {
          const at = reachedAt.get(status);
          const current = path.indexOf(ticket.status);
          // After a recall the steps past the current one are to do again, whatever they reached before.
          const state = index === current ? "current" : index < current ? "done" : "todo";
          return (
            <li key={status} className={`step step-${state}${isClosingStatus(status) ? " step-unhappy" : ""}`} aria-current={state === "current" ? "step" : undefined}>
              <span className="step-dot" aria-hidden />
              <span className="step-label">{STEP_LABELS[status]}</span>
              <span className="step-time">{at && state !== "todo" ? time(at) : ""}</span>
            </li>
          );
        })}
      </ol>
      {/* The steps above say where it is; the whole story (recalls, new estimates, reasons) opens on a tap. */}
      <details className="history-details">
        <summary>Full history</summary>
        <ol className="history" aria-label="History" data-testid="history">
          {events.map((event) => {
            const line = historyLine(event);
            return (
              line && (
                <li key={event.seq}>
                  <span className="step-time">{time(event.at)}</span> {line}
                </li>
              )
            );
          })}
        </ol>
      </details>
      <section className="receipt" aria-label="Items">
        <ul>
          {ticket.items.map((item) => (
            <li key={item.id}>
              <span>
                {item.quantity} × {item.name}
                {item.notes && <em className="muted"> — {item.notes}</em>}
                {item.allergens.length > 0 && <em className="muted"> — allergies: {item.allergens.map((a) => ALLERGEN_LABELS[a]).join(", ")}</em>}
              </span>
              <span className="price">{formatInr(item.unitPricePaise * item.quantity)}</span>
            </li>
          ))}
        </ul>
        <p className="total">
          Total <strong>{formatInr(ticket.totalPaise)}</strong>
        </p>
        <PaymentLine ticket={ticket} />
        <p className="muted">{ticket.fulfilment === "DELIVERY" ? `Delivery to ${ticket.deliveryAddress}` : "Pickup at the counter"}</p>
      </section>
      <ContactCard role="The restaurant" name={restaurant.name} detail={restaurant.address} phone={restaurant.phone} testId="restaurant" />
      <ShareLink url={`${location.origin}/orders/${orderId}#token=${token}`} code={ticket.code} />
    </div>
  );
}
