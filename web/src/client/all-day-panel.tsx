import type { TicketItem } from "@orderly/shared";
import { allDayCounts } from "./all-day-counts.ts";

/** The all-day strip: each dish still to make on the screen's tickets, with its count. */
export function AllDayPanel({ items }: { items: readonly TicketItem[] }) {
  const counts = allDayCounts(items);
  return (
    <section className="all-day" aria-label="All day" data-testid="all-day">
      <h2>All day</h2>
      {counts.length === 0 ? (
        <p className="all-day-empty">Nothing to make</p>
      ) : (
        <ul>
          {counts.map((count) => (
            <li key={count.menuItemId} data-testid="all-day-item" data-name={count.name}>
              {count.name} <b>×&nbsp;{count.quantity}</b>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
