"use client";
import type { Courier, OrderStatus, ServiceSnapshot, Ticket } from "@orderly/shared";
import { useRef, useState } from "react";
import { screenTitle } from "../screen-title.ts";
import { api } from "./api.ts";
import { ConnectionIndicator } from "./connection-indicator.tsx";
import { MenuDrawer } from "./menu-drawer.tsx";
import { changeOrder } from "./order-actions.ts";
import { PlacedChart } from "./placed-chart.tsx";
import { ProblemBanner } from "./problem-banner.tsx";
import { changeRestaurant } from "./restaurant-actions.ts";
import { averageReadySeconds, figuresOf, stationFigures, withUpdate, type ServiceFigures } from "./service-figures.ts";
import type { StaffSession, StaffSessionState } from "./staff-session.ts";
import { BEING_MADE, ageSeconds, clockTime, formatAge, lateness } from "./ticket-timing.ts";
import { useDocumentTitle } from "./use-document-title.ts";
import { useLiveFeed, useNow } from "./use-live-feed.ts";

const STATUS_TILES: readonly [OrderStatus, string][] = [
  ["PLACED", "New"],
  ["ACCEPTED", "Accepted"],
  ["PREPARING", "Preparing"],
  ["READY", "Ready"],
  ["OUT_FOR_DELIVERY", "On the way"],
];

type Setup = Pick<ServiceSnapshot, "stations" | "couriers" | "dayStart">;

/**
 * /manage: a manager's live view of one restaurant's service. Read once from the service snapshot,
 * then kept live by the admin's rooms (every kitchen, deliveries, the menu); figures move with
 * each applied update, lateness with the server's clock.
 */
export function ManagerBoard(props: { staff: StaffSessionState; session: StaffSession; realtimeUrl: string; restaurantName: string }) {
  const { staff, session } = props;
  const slug = session.restaurantSlug;
  const clockOffset = useRef(0);
  const now = useNow(1000) + clockOffset.current;
  const [setup, setSetup] = useState<Setup | null>(null);
  const [figures, setFigures] = useState<ServiceFigures | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  useDocumentTitle(screenTitle("Service", props.restaurantName));

  const live = useLiveFeed(`manage:${session.staffId}`, {
    realtimeUrl: props.realtimeUrl,
    token: staff.currentToken,
    loadSnapshot: async () => {
      const snapshot = await api<ServiceSnapshot>(`/api/restaurants/${slug}/service`, { token: staff.currentToken() });
      clockOffset.current = Date.parse(snapshot.serverTime) - Date.now();
      setSetup({ stations: snapshot.stations, couriers: snapshot.couriers, dayStart: snapshot.dayStart });
      setFigures(figuresOf(snapshot));
      setProblem(null);
      return { tickets: snapshot.tickets, menu: snapshot.menu };
    },
    refreshToken: staff.refresh,
    onUnauthorized: () => staff.logout("Your session has ended. Please log in again."),
    onUpdate: (_event, update, result) => {
      if (result === "applied") setFigures((current) => current && withUpdate(current, update));
    },
  });

  /** Runs one change per key at a time (a ticket, or "menu"), keeping what went wrong. */
  async function run(key: string, change: () => Promise<string | null>) {
    if (busy.has(key)) return;
    setBusy((s) => new Set(s).add(key));
    try {
      setProblem(await change());
    } finally {
      setBusy((s) => new Set([...s].filter((k) => k !== key)));
    }
  }
  const changeMenu = (path: string, body: unknown) => live && run("menu", () => changeRestaurant(live, staff.currentToken(), slug, path, body));
  const reassign = (ticket: Ticket, courierId: string) =>
    live && run(ticket.id, () => changeOrder(live, staff.currentToken(), ticket.id, "courier", { courierId }));

  const tickets = live?.feed.list ?? [];
  const menu = live?.restaurant.menu ?? null;
  const beingMade = tickets.filter((t) => BEING_MADE.includes(t.status));
  const late = beingMade
    .map((ticket) => ({ ticket, level: lateness(ticket, now), overSeconds: ageSeconds(ticket, now) - ticket.prepMinutes * 60 }))
    .filter((l) => l.level !== "on-time")
    .sort((a, b) => b.overSeconds - a.overSeconds);
  const average = figures && averageReadySeconds(figures, now);
  const recallsToday = figures && setup ? figures.recalls.filter((r) => Date.parse(r.at) >= Date.parse(setup.dayStart)).length : 0;

  return (
    <div className="manage">
      <header className="kds-head manage-head">
        <h1>
          <span className="kds-screen">Service</span> <span className="kds-place">{props.restaurantName}</span>
        </h1>
        <div className="kds-tools">
          <a className="btn" href="/manage/reports">
            Reports
          </a>
          <button className="btn" onClick={() => setMenuOpen(true)} disabled={!menu} data-testid="menu-drawer-open">
            Menu and ordering
          </button>
          <ConnectionIndicator live={live} />
          <button className="btn btn-quiet" onClick={() => staff.logout()}>
            Log out
          </button>
        </div>
      </header>
      <ProblemBanner problem={problem} />

      <section className="manage-tiles" aria-label="Service now">
        {STATUS_TILES.map(([status, label]) => (
          <Tile key={status} label={label} value={tickets.filter((t) => t.status === status).length} testId={`status-${status}`} />
        ))}
        <Tile label="Late" value={late.filter((l) => l.level === "late").length} testId="late-total" alarm />
        <Tile label="Due" value={late.filter((l) => l.level === "due").length} testId="due-total" />
        <Tile
          label="Placed → ready"
          value={average ? `${Math.round(average.seconds / 60)} min` : "—"}
          note={`last hour · ${average ? `${average.orders} ${average.orders === 1 ? "order" : "orders"}` : "none ready"}`}
          testId="average-ready"
        />
        <Tile label="Recalls today" value={recallsToday} testId="recalls-today" />
      </section>

      <div className="manage-grid">
        <section className="manage-panel" aria-labelledby="late-title" data-testid="late-tickets">
          <h2 id="late-title">Late and due</h2>
          {late.length === 0 ? (
            <p className="muted">Every ticket is within its prep time.</p>
          ) : (
            <ul className="manage-list">
              {late.map(({ ticket, level, overSeconds }) => (
                <li key={ticket.id} className={`manage-late manage-late-${level}`} data-testid="late-ticket" data-code={ticket.code}>
                  <span className="manage-code">{ticket.code}</span>
                  <span className={`flag flag-${level}`}>{level === "late" ? "LATE" : "DUE"}</span>
                  <span>
                    +{formatAge(overSeconds)} over {ticket.prepMinutes} min
                  </span>
                  <span className="muted">{ticket.status.toLowerCase()} · {[...new Set(ticket.items.filter((i) => !i.doneAt).map((i) => i.stationName))].join(", ")}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="manage-panel" aria-labelledby="stations-title" data-testid="stations">
          <h2 id="stations-title">Stations</h2>
          <table className="manage-table">
            <thead>
              <tr>
                <th scope="col">Station</th>
                <th scope="col">To make</th>
                <th scope="col">On late tickets</th>
                <th scope="col">Done in (last hour)</th>
                <th scope="col">Recalls today</th>
              </tr>
            </thead>
            <tbody>
              {(setup?.stations ?? []).map((station) => {
                const toMake = (list: readonly Ticket[]) =>
                  list.flatMap((t) => t.items).filter((i) => i.stationId === station.id && !i.doneAt).reduce((sum, i) => sum + i.quantity, 0);
                const pace = stationFigures(station.id, tickets, figures?.recalls ?? [], now);
                return (
                  <tr key={station.id} data-testid="station-row" data-station={station.name}>
                    <th scope="row">{station.name}</th>
                    <td>{toMake(beingMade)}</td>
                    <td>{toMake(late.filter((l) => l.level === "late").map((l) => l.ticket))}</td>
                    <td data-testid="station-done-in">{pace.doneSeconds === null ? "—" : `${Math.round(pace.doneSeconds / 60)} min`}</td>
                    <td data-testid="station-recalls">{pace.recalls}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        <section className="manage-panel manage-chart" aria-labelledby="chart-title">
          <h2 id="chart-title">Orders per 15 minutes today</h2>
          {figures && setup && menu && <PlacedChart placedPerSlot={figures.placedPerSlot} dayStart={Date.parse(setup.dayStart)} now={now} timeZone={menu.restaurant.timeZone} />}
        </section>

        <section className="manage-panel" aria-labelledby="ordering-title" data-testid="ordering">
          <h2 id="ordering-title">Online ordering</h2>
          {menu && (
            <>
              <p className={menu.ordering.paused ? "manage-state manage-state-off" : "manage-state"} data-testid="ordering-state">
                {menu.ordering.paused
                  ? `Paused${menu.ordering.pauseReason ? `: ${menu.ordering.pauseReason}` : ""}`
                  : menu.ordering.open
                    ? "Taking orders"
                    : "Closed now"}
                {menu.ordering.extraPrepMinutes > 0 && ` · Busy: +${menu.ordering.extraPrepMinutes} min`}
                {menu.ordering.orderCap !== null && ` · Cap ${menu.ordering.orderCap} per 15 min`}
              </p>
              <h3>Sold out</h3>
              <SoldOut items={menu.categories.flatMap((c) => c.items).filter((i) => !i.available)} />
            </>
          )}
        </section>

        <section className="manage-panel manage-couriers" aria-labelledby="couriers-title" data-testid="couriers">
          <h2 id="couriers-title">Couriers</h2>
          <Deliveries
            tickets={tickets.filter((t) => t.fulfilment === "DELIVERY" && (t.status === "READY" || t.status === "OUT_FOR_DELIVERY"))}
            couriers={(setup?.couriers ?? []).filter((c) => c.active)}
            busy={busy}
            onReassign={reassign}
          />
        </section>
      </div>

      {menuOpen && menu && (
        <MenuDrawer
          menu={menu}
          busy={busy.has("menu")}
          onItem={(item, available) => void changeMenu(`menu/${item.id}`, available ? { available } : { available, until: "END_OF_DAY" })}
          onOrdering={(change) => void changeMenu("ordering", change)}
          onClose={() => setMenuOpen(false)}
        />
      )}
    </div>
  );
}

function Tile(props: { label: string; value: number | string; note?: string; testId: string; alarm?: boolean }) {
  const lit = props.alarm && props.value !== 0;
  return (
    <div className={lit ? "manage-tile manage-tile-alarm" : "manage-tile"} data-testid={props.testId}>
      <span className="manage-tile-value">{props.value}</span>
      <span className="manage-tile-label">{props.label}</span>
      {props.note && <span className="manage-tile-note">{props.note}</span>}
    </div>
  );
}

function SoldOut({ items }: { items: { id: string; name: string; soldOutUntil: string | null }[] }) {
  if (items.length === 0) return <p className="muted" data-testid="sold-out-list">Nothing sold out.</p>;
  return (
    <ul className="manage-chips" data-testid="sold-out-list">
      {items.map((item) => (
        <li key={item.id} className="manage-chip">
          {item.name}
          {item.soldOutUntil && <span className="muted"> until {clockTime(item.soldOutUntil)}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * Deliveries at the pass or on the way, by courier (those no courier holds first), each with a
 * select to give it to another courier.
 */
function Deliveries(props: { tickets: readonly Ticket[]; couriers: readonly Courier[]; busy: ReadonlySet<string>; onReassign(ticket: Ticket, courierId: string): void }) {
  // A courier disabled while carrying an order still shows with it.
  const carrying = props.tickets.flatMap((t) => (t.courier && !props.couriers.some((c) => c.id === t.courier!.id) ? [t.courier] : []));
  const holders: (Courier | null)[] = [null, ...props.couriers, ...new Map(carrying.map((c) => [c.id, c])).values()];
  return (
    <div className="manage-courier-groups">
      {holders.map((courier) => {
        const carried = props.tickets.filter((t) => (t.courier?.id ?? null) === (courier?.id ?? null));
        if (!courier && carried.length === 0) return null;
        const out = carried.filter((t) => t.status === "OUT_FOR_DELIVERY").length;
        return (
          <div key={courier?.id ?? "none"} className="manage-courier" data-testid="courier-group" data-courier={courier?.name ?? "none"}>
            <h3>
              {courier ? courier.name : "Waiting for a courier"}
              {courier && <span className="muted"> · {out > 0 ? `out with ${out}` : carried.length > 0 ? "reserved" : "free"}</span>}
            </h3>
            <ul className="manage-list">
              {carried.map((ticket) => (
                <li key={ticket.id} className="manage-delivery" data-testid="delivery" data-code={ticket.code}>
                  <span className="manage-code">{ticket.code}</span>
                  <span>{ticket.status === "READY" ? "ready" : "on the way"}</span>
                  <label className="manage-assign">
                    <span className="visually-hidden">Courier for {ticket.code}</span>
                    <select
                      value={ticket.courier?.id ?? ""}
                      disabled={props.busy.has(ticket.id)}
                      onChange={(e) => e.target.value && props.onReassign(ticket, e.target.value)}
                    >
                      {!ticket.courier && <option value="">Give to…</option>}
                      {props.couriers.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
