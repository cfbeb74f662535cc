"use client";
import { AppError, formatInr, isRecall, type OrderEvent, type OrderSnapshot, type OrderStatus } from "@orderly/shared";
import { useEffect, useState } from "react";
import { api } from "./api.ts";
import { ConnectionIndicator } from "./connection-indicator.tsx";
import { ALLERGEN_LABELS, CLOSE_REASON_LABELS } from "./labels.ts";
import { recallOrderToken } from "./order-token.ts";
import { useDocumentTitle } from "./use-document-title.ts";
import { useLiveFeed } from "./use-live-feed.ts";

const STEP_LABELS: Record<OrderStatus, string> = {
  SCHEDULED: "Scheduled",
  PLACED: "Order placed",
  ACCEPTED: "Accepted by the kitchen",
  PREPARING: "Being prepared",
  READY: "Ready",
  OUT_FOR_DELIVERY: "Out for delivery",
  DELIVERED: "Delivered",
  COLLECTED: "Collected",
  CANCELLED: "Cancelled",
  REJECTED: "Declined by the restaurant",
};

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
  const [copied, setCopied] = useState(false);
  useEffect(() => setToken(recallOrderToken(orderId)), [orderId]);

  const live = useLiveFeed(token ? `${orderId}:${token}` : null, {
    realtimeUrl,
    token: () => token!,
    loadSnapshot: async () => {
      try {
        const snapshot = await api<OrderSnapshot>(`/api/orders/${orderId}`, { token: token! });
        setProblem(null);
        return { tickets: [snapshot.ticket], timelines: { [orderId]: snapshot.timeline } };
      } catch (error) {
        if (error instanceof AppError && error.status >= 400 && error.status < 500 && error.status !== 401) setProblem(error.message);
        throw error;
      }
    },
    onUnauthorized: () => setProblem("This order link has expired or is not valid on this device."),
  });

  const ticket = live?.feed.ticket(orderId);
  useDocumentTitle(ticket ? `Order ${ticket.code} — ${STEP_LABELS[ticket.status]}` : null);

  if (token === null) return <p className="notice">This device has no access to this order. Open the link you were given when you ordered.</p>;
  const events = live?.feed.timeline(orderId) ?? [];
  const moves = events.flatMap((e) => (e.type === "STATUS_CHANGED" ? [{ ...e.payload, at: e.at }] : []));
  if (problem) return <p className="notice">{problem}</p>;
  if (!ticket) return <p className="muted">Loading your order…</p>;

  const lifecycle: OrderStatus[] =
    ticket.fulfilment === "DELIVERY"
      ? ["PLACED", "ACCEPTED", "PREPARING", "READY", "OUT_FOR_DELIVERY", "DELIVERED"]
      : ["PLACED", "ACCEPTED", "PREPARING", "READY", "COLLECTED"];
  const path: OrderStatus[] =
    ticket.status === "CANCELLED" || ticket.status === "REJECTED"
      ? [...new Set(moves.map((m) => m.to))]
      : ticket.scheduledFor
        ? ["SCHEDULED", ...lifecycle]
        : lifecycle;
  const reachedAt = new Map(moves.map((m) => [m.to, m.at]));

  async function copyLink() {
    await navigator.clipboard?.writeText(`${location.origin}/orders/${orderId}#token=${token}`).catch(() => undefined);
    setCopied(true);
  }

  return (
    <div className="status-page">
      <header className="status-head">
        <div>
          <p className="muted">Order</p>
          <h1 data-testid="order-code">{ticket.code}</h1>
        </div>
        <ConnectionIndicator live={live} />
      </header>
      <p className="status-now" data-testid="order-status" data-status={ticket.status}>
        {STEP_LABELS[ticket.status]}
      </p>
      {ticket.scheduledFor && (
        <p className="estimate" data-testid="scheduled-for">
          Scheduled for {time(ticket.scheduledFor)}
          {ticket.status === "SCHEDULED" && " — the kitchen starts it in time for then"}
        </p>
      )}
      {ticket.estimatedReadyAt && !["DELIVERED", "COLLECTED", "CANCELLED", "REJECTED"].includes(ticket.status) && (
        <p className="estimate">Kitchen estimate: ready by {time(ticket.estimatedReadyAt)}</p>
      )}
      {ticket.closeReason && (
        <p className="notice" data-testid="close-reason">
          {CLOSE_REASON_LABELS[ticket.closeReason.code]}
          {ticket.closeReason.note && `: ${ticket.closeReason.note}`}
        </p>
      )}
      <ol className="timeline" aria-label="Progress">
        {path.map((status, index) => {
          const at = reachedAt.get(status);
          const current = path.indexOf(ticket.status);
          // After a recall the steps past the current one are to do again, whatever they reached before.
          const state = index === current ? "current" : index < current ? "done" : "todo";
          return (
            <li key={status} className={`step step-${state}`} aria-current={state === "current" ? "step" : undefined}>
              <span className="step-dot" aria-hidden />
              <span className="step-label">{STEP_LABELS[status]}</span>
              <span className="step-time">{at && state !== "todo" ? time(at) : ""}</span>
            </li>
          );
        })}
      </ol>
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
        <p className="muted">{ticket.fulfilment === "DELIVERY" ? `Delivery to ${ticket.deliveryAddress}` : "Pickup at the counter"}</p>
      </section>
      <button className="btn" onClick={copyLink}>
        {copied ? "Link copied" : "Copy link to this page"}
      </button>
    </div>
  );
}
