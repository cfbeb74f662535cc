import type { Ticket } from "@orderly/shared";
import { KITCHEN_CLOSE_REASONS } from "./kitchen-labels.ts";
import { clockTime } from "./ticket-timing.ts";

/**
 * Deliveries a courier could not hand over within the last `windowMinutes`, at the top of the
 * expo: the food is coming back and the customer may call, so the kitchen sees why and whom to call.
 */
export function FailedDeliveries({ tickets, now, windowMinutes }: { tickets: readonly Ticket[]; now: number; windowMinutes: number }) {
  const failed = tickets.filter((t) => t.status === "DELIVERY_FAILED" && now - Date.parse(t.statusChangedAt) <= windowMinutes * 60_000);
  if (failed.length === 0) return null;
  return (
    <div className="ordering-strip" role="status" data-testid="failed-deliveries">
      {failed.map((t) => (
        <span key={t.id} className="ordering-note" data-order-code={t.code}>
          ⚠ Delivery failed {clockTime(t.statusChangedAt)}: {t.code}
          {t.closeReason && ` — ${KITCHEN_CLOSE_REASONS[t.closeReason.code]}${t.closeReason.note ? ` (${t.closeReason.note})` : ""}`}
          {t.courier && `, ${t.courier.name}`} · customer {t.customerName} {t.customerPhone}
        </span>
      ))}
    </div>
  );
}
