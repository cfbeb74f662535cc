"use client";
import { formatInr, type OrderStatus, type Restaurant, type Ticket, type TicketList } from "@orderly/shared";
import { useState } from "react";
import { chime, enableSound } from "./alert-sound.ts";
import { api } from "./api.ts";
import { screenTitle } from "../screen-title.ts";
import { ConnectionIndicator } from "./connection-indicator.tsx";
import { moveOrder } from "./order-actions.ts";
import { StaffLogin } from "./staff-login.tsx";
import { useStaffSession } from "./staff-session.ts";
import { useDocumentTitle } from "./use-document-title.ts";
import { useLiveFeed } from "./use-live-feed.ts";

const mapsLink = (address: string) => `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;

export function DeliveryScreen({ realtimeUrl, restaurants }: { realtimeUrl: string; restaurants: Pick<Restaurant, "slug" | "name">[] }) {
  const { session, ready, notice, login, logout, refresh, currentToken } = useStaffSession("delivery");
  // The order the pickup alert is about: it shows while that order is still waiting (a recall withdraws it).
  const [alertFor, setAlertFor] = useState<string | null>(null);
  const [sound, setSound] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const live = useLiveFeed(session ? `${session.restaurantSlug}:${session.staffId}` : null, {
    realtimeUrl,
    token: currentToken,
    loadSnapshot: async () => {
      const list = await api<TicketList>(`/api/restaurants/${session!.restaurantSlug}/deliveries`, { token: currentToken() });
      setProblem(null);
      return { tickets: list.tickets };
    },
    refreshToken: refresh,
    onUnauthorized: () => logout("Your session has ended. Please log in again."),
    onUpdate: (event, update, result) => {
      if (event !== "pickup_ready" || result !== "applied") return;
      navigator.vibrate?.([250, 120, 250]);
      chime(3);
      setAlertFor(update.ticket.id);
    },
  });

  const restaurantName = session && (restaurants.find((r) => r.slug === session.restaurantSlug)?.name ?? session.restaurantSlug);
  useDocumentTitle(restaurantName && screenTitle("Delivery", restaurantName));

  if (!ready) return null;
  if (!session) return <StaffLogin title="Delivery" defaultLogin="delivery" restaurants={restaurants} notice={notice} onLogin={login} />;

  const tickets = live?.feed.list ?? [];
  const mine = tickets.filter((t) => t.status === "OUT_FOR_DELIVERY" && t.courierId === session.staffId);
  const waiting = tickets
    .filter((t) => t.status === "READY" && t.fulfilment === "DELIVERY")
    .sort((a, b) => Number(b.rush) - Number(a.rush) || a.createdAt.localeCompare(b.createdAt));
  const alerted = waiting.find((t) => t.id === alertFor);

  async function act(ticket: Ticket, to: OrderStatus) {
    if (!live) return;
    setAlertFor(null);
    setProblem(await moveOrder(live, currentToken(), ticket.id, to, ticket.seq));
  }

  return (
    <div className="courier">
      <header className="courier-head">
        <h1>Deliveries</h1>
        <ConnectionIndicator live={live} />
      </header>
      {!sound && (
        <button className="btn btn-wide" onClick={() => (enableSound(), setSound(true))}>
          Enable alert sound
        </button>
      )}
      {alerted && (
        <button className="alert" role="alert" onClick={() => setAlertFor(null)} data-testid="pickup-alert">
          New pickup: {alerted.code}
        </button>
      )}
      {problem && <p className="field-error">{problem}</p>}

      <h2>On the way ({mine.length})</h2>
      {mine.map((t) => (
        <DeliveryCard key={t.id} ticket={t} action="DELIVERED" label="Delivered" onAct={act} />
      ))}
      <h2>Ready for pickup ({waiting.length})</h2>
      {waiting.length === 0 && <p className="muted">Nothing waiting. You will be alerted when food is ready.</p>}
      {waiting.map((t) => (
        <DeliveryCard key={t.id} ticket={t} action="OUT_FOR_DELIVERY" label="Take" onAct={act} />
      ))}
      <button className="btn btn-quiet btn-wide" onClick={() => logout()}>
        Log out
      </button>
    </div>
  );
}

function DeliveryCard(props: { ticket: Ticket; action: OrderStatus; label: string; onAct(ticket: Ticket, to: OrderStatus): void }) {
  const { ticket } = props;
  return (
    <article className="delivery" data-testid="delivery" data-code={ticket.code} aria-label={`Order ${ticket.code}`}>
      <header className="delivery-head">
        <span className="ticket-code">{ticket.code}</span>
        {ticket.rush && <span className="badge badge-rush">Rush</span>}
        <span className="price">{formatInr(ticket.totalPaise)}</span>
      </header>
      <p className="delivery-customer">
        {ticket.customerName} · <a href={`tel:${ticket.customerPhone.replace(/\s/g, "")}`}>{ticket.customerPhone}</a>
      </p>
      {ticket.deliveryAddress && (
        <a className="delivery-address" href={mapsLink(ticket.deliveryAddress)} target="_blank" rel="noreferrer">
          {ticket.deliveryAddress} ↗
        </a>
      )}
      <p className="muted">{ticket.items.map((i) => `${i.quantity}× ${i.name}`).join(", ")}</p>
      <button className="btn btn-primary btn-big btn-wide" onClick={() => props.onAct(ticket, props.action)}>
        {props.label}
      </button>
    </article>
  );
}
