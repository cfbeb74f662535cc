"use client";
import { nextStatuses, type CloseReasonDetail, type OrderStatus, type Ticket } from "@orderly/shared";
import { useState } from "react";
import { screenTitle } from "../screen-title.ts";
import { AllDayPanel } from "./all-day-panel.tsx";
import { CloseReasonDialog } from "./close-reason-dialog.tsx";
import { KitchenHeader } from "./kitchen-header.tsx";
import { MenuDrawer } from "./menu-drawer.tsx";
import { OrderingStrip } from "./ordering-strip.tsx";
import { changeRestaurant } from "./restaurant-actions.ts";
import { KITCHEN_STATUS_WORDS, MOVE_BUTTONS } from "./kitchen-labels.ts";
import { changeOrder, moveOrder } from "./order-actions.ts";
import { ProblemBanner } from "./problem-banner.tsx";
import { recallableTo, recentlyBumped } from "./recall.ts";
import { RecentlyBumped } from "./recently-bumped.tsx";
import { FailedDeliveries } from "./failed-deliveries.tsx";
import type { StaffSession, StaffSessionState } from "./staff-session.ts";
import { StationProgress, type KitchenStation } from "./station-progress.tsx";
import { TicketCard } from "./ticket-card.tsx";
import { TicketColumn } from "./ticket-column.tsx";
import { BEING_MADE, byUrgency, lateness } from "./ticket-timing.ts";
import { useDocumentTitle } from "./use-document-title.ts";
import { useKitchenFeed } from "./use-kitchen-feed.ts";

const COLUMNS: readonly OrderStatus[] = ["SCHEDULED", "PLACED", "ACCEPTED", "PREPARING", "READY"];
const DELAY_MINUTES = 5;

type ClosingStatus = "CANCELLED" | "REJECTED";
const isClosing = (to: OrderStatus): to is ClosingStatus => to === "CANCELLED" || to === "REJECTED";

/**
 * The expo: the whole kitchen in four columns, where tickets are accepted, rushed, delayed, bumped
 * READY (and collected), cancelled or rejected with a reason, and recalled within the window.
 */
export function KitchenBoard(props: { staff: StaffSessionState; session: StaffSession; realtimeUrl: string; restaurantName: string; stations: readonly KitchenStation[] }) {
  const feed = useKitchenFeed({
    staff: props.staff,
    realtimeUrl: props.realtimeUrl,
    snapshotPath: `/api/kitchens/${props.session.kitchenId}/orders`,
    menuPath: `/api/restaurants/${props.session.restaurantSlug}/menu`,
    isNewTicket: (event) => event === "new_order",
  });
  const [closing, setClosing] = useState<{ ticket: Ticket; to: ClosingStatus } | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  useDocumentTitle(screenTitle("Kitchen", props.restaurantName));

  const onBoard = feed.tickets.filter((t) => COLUMNS.includes(t.status)).sort(byUrgency);
  // The Later lane (scheduled orders, by their time) shows only while there are some.
  const columns = COLUMNS.filter((status) => status !== "SCHEDULED" || onBoard.some((t) => t.status === status));
  const changeMenu = (path: string, body: unknown) =>
    feed.runFor("menu", (live, token) => changeRestaurant(live, token, props.session.restaurantSlug, path, body));
  const beingMade = onBoard.filter((t) => BEING_MADE.includes(t.status));
  const bumped = recentlyBumped(feed.tickets, feed.now, feed.recallWindowMinutes);
  const lateCount = (level: "due" | "late") => beingMade.filter((t) => lateness(t, feed.now) === level).length;

  const move = (ticket: Ticket, to: OrderStatus, reason?: CloseReasonDetail) =>
    feed.run(ticket, (live, token) => moveOrder(live, token, ticket.id, to, ticket.seq, reason));
  const rush = (ticket: Ticket) => feed.run(ticket, (live, token) => changeOrder(live, token, ticket.id, "priority", { rush: !ticket.rush }));
  const delay = (ticket: Ticket) => feed.run(ticket, (live, token) => changeOrder(live, token, ticket.id, "estimate", { minutes: DELAY_MINUTES }));

  return (
    <div className="kds">
      <KitchenHeader
        screen="Kitchen"
        restaurantName={props.restaurantName}
        live={feed.live}
        late={lateCount("late")}
        due={lateCount("due")}
        onLogout={() => props.staff.logout()}
      >
        <button className="btn" onClick={() => setMenuOpen(true)} data-testid="menu-drawer-open">
          Menu
        </button>
        <button className="btn" onClick={() => setDrawerOpen(true)} data-testid="recently-bumped-open">
          Recently bumped <span className="count">{bumped.length}</span>
        </button>
      </KitchenHeader>
      <ProblemBanner problem={feed.problem} />
      <OrderingStrip menu={feed.menu} tickets={feed.tickets} now={feed.now} />
      <FailedDeliveries tickets={feed.tickets} now={feed.now} windowMinutes={feed.recallWindowMinutes} />
      <AllDayPanel items={beingMade.flatMap((t) => t.items)} />
      <div className="kds-columns">
        {columns.map((status) => {
          const inColumn = onBoard.filter((t) => t.status === status);
          return (
            <TicketColumn key={status} title={KITCHEN_STATUS_WORDS[status]} count={inColumn.length} testId={`column-${status}`} layout="stack">
              {inColumn.map((ticket) => (
                <TicketCard
                  key={ticket.id}
                  ticket={ticket}
                  now={feed.now}
                  items={ticket.items}
                  fresh={feed.fresh.has(ticket.id)}
                  progress={(ticket.status === "ACCEPTED" || ticket.status === "PREPARING") && <StationProgress ticket={ticket} stations={props.stations} />}
                >
                  <ExpoActions
                    ticket={ticket}
                    busy={feed.busy.has(ticket.id)}
                    recallTo={ticket.status === "READY" ? recallableTo(ticket, feed.now, feed.recallWindowMinutes) : undefined}
                    onMove={(to) => (isClosing(to) ? setClosing({ ticket, to }) : move(ticket, to))}
                    onRush={() => rush(ticket)}
                    onDelay={() => delay(ticket)}
                  />
                </TicketCard>
              ))}
            </TicketColumn>
          );
        })}
      </div>
      {closing && (
        <CloseReasonDialog
          ticket={closing.ticket}
          to={closing.to}
          onDismiss={() => setClosing(null)}
          onConfirm={(reason) => {
            setClosing(null);
            // The board may have moved on while the dialog was open: send the ticket as it stands now.
            const ticket = feed.live?.feed.ticket(closing.ticket.id) ?? closing.ticket;
            void move(ticket, closing.to, reason);
          }}
        />
      )}
      {menuOpen && feed.menu && (
        <MenuDrawer
          menu={feed.menu}
          busy={feed.busy.has("menu")}
          onItem={(item, available) => void changeMenu(`menu/${item.id}`, available ? { available } : { available, until: "END_OF_DAY" })}
          onOrdering={(change) => void changeMenu("ordering", change)}
          onClose={() => setMenuOpen(false)}
        />
      )}
      {drawerOpen && (
        <RecentlyBumped
          tickets={bumped}
          now={feed.now}
          windowMinutes={feed.recallWindowMinutes}
          busy={feed.busy}
          token={props.staff.currentToken}
          onRecall={(ticket, to) => void move(ticket, to)}
          onClose={() => setDrawerOpen(false)}
        />
      )}
    </div>
  );
}

function ExpoActions(props: {
  ticket: Ticket;
  busy: boolean;
  recallTo: OrderStatus | undefined;
  onMove(to: OrderStatus): void;
  onRush(): void;
  onDelay(): void;
}) {
  const { ticket, busy, recallTo } = props;
  const moves = nextStatuses("kitchen", ticket.status, ticket.fulfilment);
  const forward = moves.filter((to) => !isClosing(to));
  return (
    <>
      {ticket.status === "READY" && forward.length === 0 && <p className="ticket-waiting">Waiting for a courier</p>}
      {forward.length > 0 && (
        <div className="ticket-actions">
          {forward.map((to) => (
            <button key={to} className="btn btn-act btn-primary" disabled={busy} onClick={() => props.onMove(to)}>
              {MOVE_BUTTONS[to]}
            </button>
          ))}
        </div>
      )}
      <div className="ticket-tools">
        <button className={ticket.rush ? "btn btn-rush-on" : "btn"} aria-pressed={ticket.rush} disabled={busy} onClick={props.onRush}>
          <span aria-hidden>⚡ </span>Rush
        </button>
        {BEING_MADE.includes(ticket.status) && (
          <button className="btn" disabled={busy} onClick={props.onDelay}>
            +{DELAY_MINUTES} min
          </button>
        )}
        {recallTo && (
          <button className="btn btn-recall" disabled={busy} onClick={() => props.onMove(recallTo)}>
            <span aria-hidden>↩ </span>Recall
          </button>
        )}
        {moves
          .filter(isClosing)
          .map((to) => (
            <button key={to} className="btn btn-danger" disabled={busy} onClick={() => props.onMove(to)}>
              {MOVE_BUTTONS[to]}
            </button>
          ))}
      </div>
    </>
  );
}
