"use client";
import { nextStatuses, type OrderStatus, type Restaurant, type Ticket, type TicketList } from "@orderly/shared";
import { useRef, useState } from "react";
import { chime, enableSound } from "./alert-sound.ts";
import { api } from "./api.ts";
import { screenTitle } from "../screen-title.ts";
import { ConnectionIndicator } from "./connection-indicator.tsx";
import { moveOrder } from "./order-actions.ts";
import { StaffLogin } from "./staff-login.tsx";
import { useStaffSession } from "./staff-session.ts";
import { useDocumentTitle } from "./use-document-title.ts";
import { useLiveFeed, useNow } from "./use-live-feed.ts";

const COLUMNS: { status: OrderStatus; title: string }[] = [
  { status: "PLACED", title: "New" },
  { status: "ACCEPTED", title: "Accepted" },
  { status: "PREPARING", title: "Preparing" },
  { status: "READY", title: "Ready" },
];

const ACTION_LABELS: Partial<Record<OrderStatus, string>> = {
  ACCEPTED: "Accept",
  PREPARING: "Start",
  READY: "Ready",
  COLLECTED: "Collected",
  REJECTED: "Reject",
  CANCELLED: "Cancel",
};
const NEEDS_CONFIRM: OrderStatus[] = ["REJECTED", "CANCELLED"];
const ALLERGY = /allerg|nut|peanut|gluten|dairy|lactose|egg|shellfish|prawn|vegan|jain|no onion|no garlic/i;

export function KitchenScreen({ realtimeUrl, restaurants }: { realtimeUrl: string; restaurants: Pick<Restaurant, "slug" | "name">[] }) {
  const { session, ready, notice, login, logout, refresh, currentToken } = useStaffSession("kitchen");
  const now = useNow(1000);
  const clockOffset = useRef(0);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [sound, setSound] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const live = useLiveFeed(session?.kitchenId ? `${session.kitchenId}:${session.staffId}` : null, {
    realtimeUrl,
    token: currentToken,
    loadSnapshot: async () => {
      const list = await api<TicketList>(`/api/kitchens/${session!.kitchenId}/orders`, { token: currentToken() });
      clockOffset.current = Date.parse(list.serverTime) - Date.now();
      // The board has caught up with the server: whatever went wrong before no longer holds.
      setProblem(null);
      return { tickets: list.tickets };
    },
    refreshToken: refresh,
    onUnauthorized: () => logout("Your session has ended. Please log in again."),
    onUpdate: (event, update, result) => {
      if (event !== "new_order" || result !== "applied") return;
      chime();
      setFresh((s) => new Set(s).add(update.ticket.id));
      setTimeout(() => setFresh((s) => new Set([...s].filter((id) => id !== update.ticket.id))), 6000);
    },
  });

  const restaurantName = session && (restaurants.find((r) => r.slug === session.restaurantSlug)?.name ?? session.restaurantSlug);
  useDocumentTitle(restaurantName && screenTitle("Kitchen", restaurantName));

  if (!ready) return null;
  if (!session) return <StaffLogin title="Kitchen display" defaultLogin="kitchen" restaurants={restaurants} notice={notice} onLogin={login} />;

  const tickets = live?.feed.list ?? [];

  async function act(ticket: Ticket, to: OrderStatus) {
    if (!live) return;
    setProblem(await moveOrder(live, currentToken(), ticket.id, to, ticket.seq));
  }

  return (
    <div className="kds">
      <header className="kds-head">
        <h1>{restaurantName}</h1>
        <div className="kds-tools">
          {!sound && (
            <button className="btn" onClick={() => (enableSound(), setSound(true))}>
              Enable sound
            </button>
          )}
          <ConnectionIndicator live={live} />
          <button className="btn btn-quiet" onClick={() => logout()}>
            Log out
          </button>
        </div>
      </header>
      {problem && (
        <p className="banner banner-warn" role="alert">
          {problem}
        </p>
      )}
      <div className="kds-columns">
        {COLUMNS.map((column) => {
          const inColumn = tickets.filter((t) => t.status === column.status).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
          return (
            <section key={column.status} className="kds-column" aria-label={column.title} data-testid={`column-${column.status}`}>
              <h2>
                {column.title} <span className="count">{inColumn.length}</span>
              </h2>
              {inColumn.map((ticket) => (
                <TicketCard key={ticket.id} ticket={ticket} now={now + clockOffset.current} fresh={fresh.has(ticket.id)} onMove={(to) => act(ticket, to)} />
              ))}
            </section>
          );
        })}
      </div>
    </div>
  );
}

function TicketCard({ ticket, now, fresh, onMove }: { ticket: Ticket; now: number; fresh: boolean; onMove(to: OrderStatus): void }) {
  const [confirming, setConfirming] = useState<OrderStatus | null>(null);
  const ageSeconds = Math.max(0, Math.floor((now - Date.parse(ticket.createdAt)) / 1000));
  const prep = ticket.prepMinutes * 60;
  const ageing = ageSeconds > 2 * prep ? "late" : ageSeconds > prep ? "warn" : "ok";
  const actions = nextStatuses("kitchen", ticket.status, ticket.fulfilment);

  function press(to: OrderStatus) {
    if (NEEDS_CONFIRM.includes(to) && confirming !== to) {
      setConfirming(to);
      setTimeout(() => setConfirming((c) => (c === to ? null : c)), 4000);
      return;
    }
    setConfirming(null);
    onMove(to);
  }

  return (
    <article className={`ticket ticket-${ageing}${fresh ? " ticket-fresh" : ""}`} data-testid="ticket" data-code={ticket.code} aria-label={`Order ${ticket.code}`}>
      <header className="ticket-head">
        <span className="ticket-code">{ticket.code}</span>
        <span className={`badge badge-${ticket.fulfilment.toLowerCase()}`}>{ticket.fulfilment === "DELIVERY" ? "Delivery" : "Pickup"}</span>
        <span className="ticket-age" aria-label="age">
          {Math.floor(ageSeconds / 60)}:{String(ageSeconds % 60).padStart(2, "0")}
        </span>
      </header>
      <ul className="ticket-items">
        {ticket.items.map((item) => (
          <li key={item.menuItemId}>
            <span className="qty-big">{item.quantity}×</span> {item.name}
            {item.notes && <span className={ALLERGY.test(item.notes) ? "note note-allergy" : "note"}>{item.notes}</span>}
          </li>
        ))}
      </ul>
      <p className="ticket-customer">{ticket.customerName}</p>
      {actions.length === 0 && ticket.status === "READY" && <p className="ticket-waiting">Waiting for a courier</p>}
      <div className="ticket-actions">
        {actions.map((to) => (
          <button
            key={to}
            className={`btn btn-big ${NEEDS_CONFIRM.includes(to) ? "btn-danger" : "btn-primary"}`}
            onClick={() => press(to)}
          >
            {confirming === to ? `Confirm ${ACTION_LABELS[to]?.toLowerCase()}?` : ACTION_LABELS[to]}
          </button>
        ))}
      </div>
    </article>
  );
}
