import type { Ticket } from "@orderly/shared";
import type { NotifyState } from "./use-order-notifications.ts";

/** The opt-in to notifications for this order, and what became of it. */
export function NotifyMe({ state, ticket, onEnable }: { state: NotifyState; ticket: Pick<Ticket, "status" | "fulfilment">; onEnable(): void }) {
  const delivery = ticket.fulfilment === "DELIVERY";
  const onTheWay = ticket.status === "OUT_FOR_DELIVERY";
  switch (state) {
    case "unsupported":
      return null;
    case "off":
      return (
        <button className="btn btn-wide" onClick={onEnable}>
          Notify me when {onTheWay ? "the courier is close" : delivery ? "it is on the way" : "it is ready"}
        </button>
      );
    case "on":
      return (
        <p className="notify-state" data-testid="notify-state">
          {onTheWay
            ? "We will notify you when your courier is close."
            : delivery
            ? "We will notify you when your order is on the way, and when your courier is close."
            : "We will notify you when your order is ready to collect."}
        </p>
      );
    case "blocked":
      return (
        <p className="notify-state muted" data-testid="notify-state">
          Notifications are blocked for this site in your browser settings: keep this page open to follow your order.
        </p>
      );
  }
}
