"use client";
import type { OrderStatus, Ticket, TicketItem } from "@orderly/shared";
import { screenTitle } from "../screen-title.ts";
import { AllDayPanel } from "./all-day-panel.tsx";
import { KitchenHeader } from "./kitchen-header.tsx";
import { changeOrder } from "./order-actions.ts";
import { ProblemBanner } from "./problem-banner.tsx";
import type { StaffSessionState } from "./staff-session.ts";
import { TicketCard } from "./ticket-card.tsx";
import { TicketColumn } from "./ticket-column.tsx";
import { byUrgency, lateness } from "./ticket-timing.ts";
import { useDocumentTitle } from "./use-document-title.ts";
import { useKitchenFeed } from "./use-kitchen-feed.ts";

/** While its items may be bumped: from accepted until it is ready. */
const AT_THE_STATIONS: readonly OrderStatus[] = ["ACCEPTED", "PREPARING"];

const allDone = (items: readonly TicketItem[]) => items.every((i) => i.doneAt);

/**
 * One station's screen: each ticket with only this station's items, each bumped done (or undone)
 * with one big tap. A ticket whose items here are all done dims, with its undo, until it leaves.
 */
export function StationScreen(props: { staff: StaffSessionState; stationId: string; realtimeUrl: string; restaurantName: string; stationName: string }) {
  const { stationId } = props;
  const feed = useKitchenFeed({
    staff: props.staff,
    realtimeUrl: props.realtimeUrl,
    snapshotPath: `/api/stations/${stationId}/tickets`,
    // A ticket reaches the stations when it is accepted.
    isNewTicket: (_, { event }) => event.type === "STATUS_CHANGED" && event.payload.from === "PLACED" && event.payload.to === "ACCEPTED",
  });
  useDocumentTitle(screenTitle(props.stationName, props.restaurantName));

  const tickets = feed.tickets
    .filter((ticket) => AT_THE_STATIONS.includes(ticket.status))
    .map((ticket) => ({ ticket, items: ticket.items.filter((i) => i.stationId === stationId) }))
    .filter(({ items }) => items.length > 0)
    .sort((a, b) => Number(allDone(a.items)) - Number(allDone(b.items)) || byUrgency(a.ticket, b.ticket));
  const toMake = tickets.filter(({ items }) => !allDone(items));
  const lateCount = (level: "due" | "late") => toMake.filter(({ ticket }) => lateness(ticket, feed.now) === level).length;

  const bump = (ticket: Ticket, item: TicketItem) =>
    feed.run(ticket, (live, token) => changeOrder(live, token, ticket.id, `items/${item.id}`, { done: !item.doneAt }));

  return (
    <div className="kds">
      <KitchenHeader
        screen={props.stationName}
        restaurantName={props.restaurantName}
        live={feed.live}
        late={lateCount("late")}
        due={lateCount("due")}
        onLogout={() => props.staff.logout()}
      />
      <ProblemBanner problem={feed.problem} />
      <AllDayPanel items={toMake.flatMap(({ items }) => items)} />
      <TicketColumn title="To make" count={toMake.length} testId="station-tickets" layout="grid">
        {tickets.map(({ ticket, items }) => (
          <TicketCard
            key={ticket.id}
            ticket={ticket}
            now={feed.now}
            items={items}
            fresh={feed.fresh.has(ticket.id)}
            dimmed={allDone(items)}
            itemAction={(item) => (
              <button
                className={item.doneAt ? "btn btn-bump btn-undo" : "btn btn-bump btn-primary"}
                disabled={feed.busy.has(ticket.id)}
                aria-label={`${item.doneAt ? "Undo" : "Done"}: ${item.name}`}
                onClick={() => void bump(ticket, item)}
              >
                {item.doneAt ? "↩ Undo" : "✓ Done"}
              </button>
            )}
          />
        ))}
      </TicketColumn>
    </div>
  );
}
