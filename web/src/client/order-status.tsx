"use client";
import { AppError, formatInr, type OrderSnapshot, type OrderStatus } from "@orderly/shared";
import { useEffect, useState } from "react";
import { api } from "./api.ts";
import { ConnectionIndicator } from "./connection-indicator.tsx";
import { recallOrderToken } from "./order-token.ts";
import { useDocumentTitle } from "./use-document-title.ts";
import { useLiveFeed } from "./use-live-feed.ts";

const STEP_LABELS: Record<OrderStatus, string> = {
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
  const moves = (live?.feed.timeline(orderId) ?? []).flatMap((e) => (e.type === "STATUS_CHANGED" ? [{ ...e.payload, at: e.at }] : []));
  if (problem) return <p className="notice">{problem}</p>;
  if (!ticket) return <p className="muted">Loading your order…</p>;

  const path: OrderStatus[] =
    ticket.status === "CANCELLED" || ticket.status === "REJECTED"
      ? moves.map((m) => m.to)
      : ticket.fulfilment === "DELIVERY"
        ? ["PLACED", "ACCEPTED", "PREPARING", "READY", "OUT_FOR_DELIVERY", "DELIVERED"]
        : ["PLACED", "ACCEPTED", "PREPARING", "READY", "COLLECTED"];
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
      {ticket.estimatedReadyAt && !["DELIVERED", "COLLECTED", "CANCELLED", "REJECTED"].includes(ticket.status) && (
        <p className="estimate">Kitchen estimate: ready by {time(ticket.estimatedReadyAt)}</p>
      )}
      <ol className="timeline" aria-label="Progress">
        {path.map((status) => {
          const at = reachedAt.get(status);
          const state = status === ticket.status ? "current" : at ? "done" : "todo";
          return (
            <li key={status} className={`step step-${state}`} aria-current={state === "current" ? "step" : undefined}>
              <span className="step-dot" aria-hidden />
              <span className="step-label">{STEP_LABELS[status]}</span>
              <span className="step-time">{at ? time(at) : ""}</span>
            </li>
          );
        })}
      </ol>
      <section className="receipt" aria-label="Items">
        <ul>
          {ticket.items.map((item) => (
            <li key={item.menuItemId}>
              <span>
                {item.quantity} × {item.name}
                {item.notes && <em className="muted"> — {item.notes}</em>}
              </span>
              <span>{formatInr(item.unitPricePaise * item.quantity)}</span>
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
