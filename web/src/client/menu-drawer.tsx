"use client";
import type { Menu, MenuItem, OrderingRequest } from "@orderly/shared";
import { useState } from "react";
import { clockTime } from "./ticket-timing.ts";
import { useModalDialog } from "./use-modal-dialog.ts";

const BUSY_MINUTES = [0, 10, 20, 30] as const;
const CAPS = [null, 5, 10, 15, 20, 30] as const;
const PAUSE_REASONS = ["Kitchen too busy", "Closing early", "Running out of stock", "Staff shortage"] as const;

/**
 * The expo's menu drawer: one tap sells an item out until the end of the day ("86 it") or brings
 * it back; online orders paused (with a reason customers read) or resumed; busy mode; the cap.
 */
export function MenuDrawer(props: {
  menu: Menu;
  busy: boolean;
  onItem(item: MenuItem, available: boolean): void;
  onOrdering(change: OrderingRequest): void;
  onClose(): void;
}) {
  const dialog = useModalDialog();
  const { ordering } = props.menu;
  const [reason, setReason] = useState<string>(PAUSE_REASONS[0]);
  return (
    <dialog ref={dialog} className="kds-dialog drawer" onClose={props.onClose} aria-labelledby="menu-drawer-title" data-testid="menu-drawer">
      <header className="drawer-head">
        <h2 id="menu-drawer-title">Menu and online orders</h2>
        <button className="btn btn-big" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>

      <section className="drawer-section" aria-label="Online orders">
        {ordering.paused ? (
          <button className="btn btn-big btn-primary" disabled={props.busy} onClick={() => props.onOrdering({ paused: false })}>
            Resume online orders
          </button>
        ) : (
          <div className="drawer-row">
            <select aria-label="Pause reason" value={reason} onChange={(e) => setReason(e.target.value)}>
              {PAUSE_REASONS.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
            <button className="btn btn-big btn-danger" disabled={props.busy} onClick={() => props.onOrdering({ paused: true, reason })}>
              Pause online orders
            </button>
          </div>
        )}
        <div className="drawer-row" role="group" aria-label="Busy mode: extra minutes on every estimate">
          <span>Busy mode</span>
          {BUSY_MINUTES.map((minutes) => (
            <button
              key={minutes}
              className={ordering.extraPrepMinutes === minutes ? "btn btn-primary" : "btn"}
              aria-pressed={ordering.extraPrepMinutes === minutes}
              disabled={props.busy}
              onClick={() => props.onOrdering({ extraPrepMinutes: minutes })}
            >
              {minutes === 0 ? "Off" : `+${minutes} min`}
            </button>
          ))}
        </div>
        <label className="drawer-row">
          <span>Orders per 15 minutes</span>
          <select
            value={ordering.orderCap ?? ""}
            disabled={props.busy}
            onChange={(e) => props.onOrdering({ orderCap: e.target.value ? Number(e.target.value) : null })}
          >
            {CAPS.map((cap) => (
              <option key={cap ?? "none"} value={cap ?? ""}>
                {cap ?? "No cap"}
              </option>
            ))}
          </select>
        </label>
      </section>

      {props.menu.categories.map((category) => (
        <section key={category.name} className="drawer-section" aria-label={category.name}>
          <h3>{category.name}</h3>
          <ul className="menu-toggles">
            {category.items.map((item) => (
              <li key={item.id} className={item.available ? "menu-toggle" : "menu-toggle menu-toggle-off"} data-testid="menu-toggle" data-item={item.name}>
                <span className="menu-toggle-name">{item.name}</span>
                <span className="menu-toggle-state">
                  {item.available ? "On" : item.soldOutUntil ? `Sold out until ${clockTime(item.soldOutUntil)}` : "Sold out"}
                </span>
                <button className="btn btn-big" disabled={props.busy} onClick={() => props.onItem(item, !item.available)}>
                  {item.available ? "Sold out" : "Back on"}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </dialog>
  );
}
