"use client";
import type { CloseReasonDetail, OrderStatus, Restaurant, Ticket, TicketList } from "@orderly/shared";
import { useState } from "react";
import { chime, enableSound } from "./alert-sound.ts";
import { api } from "./api.ts";
import { screenTitle } from "../screen-title.ts";
import { CloseReasonDialog } from "./close-reason-dialog.tsx";
import { ConnectionIndicator } from "./connection-indicator.tsx";
import { CourierCard } from "./courier-card.tsx";
import { HandoverDialog, type Handover } from "./handover-dialog.tsx";
import { LocationSharingBar } from "./location-sharing-bar.tsx";
import { attemptChange, moveOrder } from "./order-actions.ts";
import { StaffLogin } from "./staff-login.tsx";
import { useStaffSession } from "./staff-session.ts";
import { byUrgency } from "./ticket-timing.ts";
import { useDocumentTitle } from "./use-document-title.ts";
import { useLiveFeed } from "./use-live-feed.ts";
import { usePositionSharing } from "./use-position-sharing.ts";

/** The sheet open over the list: handing an order over, or saying why it could not be. */
type Sheet = { orderId: string; kind: "handover" | "failed" };

export function DeliveryScreen({ realtimeUrl, restaurants }: { realtimeUrl: string; restaurants: Pick<Restaurant, "slug" | "name">[] }) {
  const { session, ready, notice, login, logout, refresh, currentToken } = useStaffSession("delivery");
  // The order the pickup alert is about: it shows while that order still waits for this courier
  // (another courier taking it, or a recall, withdraws it).
  const [alertFor, setAlertFor] = useState<string | null>(null);
  const [sound, setSound] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);

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

  // The feed also keeps orders that left this courier's list (taken by another): only these show.
  const tickets = live?.feed.list ?? [];
  const me = session?.staffId;
  const mine = tickets.filter((t) => t.courier?.id === me && (t.status === "OUT_FOR_DELIVERY" || t.status === "READY"));
  const onTheWay = mine.filter((t) => t.status === "OUT_FOR_DELIVERY").sort(byUrgency);
  const yours = [...onTheWay, ...mine.filter((t) => t.status === "READY").sort(byUrgency)];
  const pickups = tickets.filter((t) => t.status === "READY" && t.courier === null).sort(byUrgency);
  const alerted = [...pickups, ...yours].find((t) => t.id === alertFor && t.status === "READY");
  const sheetTicket = sheet && onTheWay.find((t) => t.id === sheet.orderId);

  const sharing = usePositionSharing(onTheWay.map((t) => t.id), currentToken);
  const restaurantName = session && (restaurants.find((r) => r.slug === session.restaurantSlug)?.name ?? session.restaurantSlug);
  useDocumentTitle(restaurantName && screenTitle("Delivery", restaurantName));

  if (!ready) return null;
  if (!session) return <StaffLogin title="Delivery" hint="Demo couriers: courier1, courier2, courier3" restaurants={restaurants} notice={notice} onLogin={login} />;

  async function move(ticket: Ticket, to: OrderStatus, reason?: CloseReasonDetail) {
    if (!live || busy) return;
    if (ticket.id === alertFor) setAlertFor(null);
    setBusy(ticket.id);
    setProblem(await moveOrder(live, currentToken(), ticket.id, to, ticket.seq, reason));
    setBusy(null);
  }

  async function deliver(ticket: Ticket, handover: Handover): Promise<unknown> {
    if (!live) return null;
    const error = await attemptChange(live, currentToken(), ticket.id, "transitions", { to: "DELIVERED", ...handover });
    if (error === null) setSheet(null);
    return error;
  }

  function showAlerted(ticket: Ticket) {
    document.querySelector(`[data-testid="delivery"][data-code="${ticket.code}"]`)?.scrollIntoView({ behavior: "smooth", block: "center" });
    setAlertFor(null);
  }

  const take = (ticket: Ticket) => (
    <button className="btn btn-primary btn-big" disabled={busy !== null} onClick={() => void move(ticket, "OUT_FOR_DELIVERY")}>
      {busy === ticket.id ? "Taking…" : "Take"}
    </button>
  );

  return (
    <div className="courier">
      <header className="courier-head">
        <div>
          <h1>Deliveries</h1>
          <p className="courier-place">{restaurantName}</p>
        </div>
        <ConnectionIndicator live={live} />
      </header>
      {alerted && (
        <button className="alert" role="alert" onClick={() => showAlerted(alerted)} data-testid="pickup-alert">
          New pickup: {alerted.code}
        </button>
      )}
      {onTheWay.length > 0 && <LocationSharingBar sharing={sharing} />}
      {!sound && (
        <button className="btn btn-wide" onClick={() => (enableSound(), setSound(true))}>
          Enable alert sound
        </button>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}

      <section aria-labelledby="your-orders">
        <h2 id="your-orders">Your orders ({yours.length})</h2>
        {yours.length === 0 && <p className="muted">Take an order below: it shows here until it is handed over.</p>}
        {yours.map((t) =>
          t.status === "OUT_FOR_DELIVERY" ? (
            <CourierCard key={t.id} ticket={t} tag="On the way">
              <button className="btn btn-big btn-danger" onClick={() => setSheet({ orderId: t.id, kind: "failed" })}>
                Couldn't deliver
              </button>
              <button className="btn btn-primary btn-big" onClick={() => setSheet({ orderId: t.id, kind: "handover" })}>
                Delivered
              </button>
            </CourierCard>
          ) : (
            <CourierCard key={t.id} ticket={t} tag="Reserved for you">
              {take(t)}
            </CourierCard>
          ),
        )}
      </section>

      <section aria-labelledby="pickups">
        <h2 id="pickups">Ready for pickup ({pickups.length})</h2>
        {pickups.length === 0 && <p className="muted">Nothing waiting. You will be alerted when food is ready.</p>}
        {pickups.map((t) => (
          <CourierCard key={t.id} ticket={t}>
            {take(t)}
          </CourierCard>
        ))}
      </section>
      <button className="btn btn-quiet btn-wide" onClick={() => logout()}>
        Log out
      </button>

      {sheetTicket && sheet?.kind === "handover" && (
        <HandoverDialog ticket={sheetTicket} deliver={(handover) => deliver(sheetTicket, handover)} onDismiss={() => setSheet(null)} />
      )}
      {sheetTicket && sheet?.kind === "failed" && (
        <CloseReasonDialog
          ticket={sheetTicket}
          to="DELIVERY_FAILED"
          onDismiss={() => setSheet(null)}
          onConfirm={(reason) => {
            setSheet(null);
            void move(sheetTicket, "DELIVERY_FAILED", reason);
          }}
        />
      )}
    </div>
  );
}
