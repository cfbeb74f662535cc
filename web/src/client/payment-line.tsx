import { formatInr, isClosingStatus, type Ticket } from "@orderly/shared";

/** How the order is paid, or what to hand over; nothing once there is nothing to pay for (cancelled, not delivered). */
export function PaymentLine({ ticket }: { ticket: Ticket }) {
  const { method, amountDuePaise } = ticket.payment;
  const text =
    method === "ONLINE"
      ? "Paid online"
      : amountDuePaise === 0
        ? "Paid in cash"
        : isClosingStatus(ticket.status)
          ? null
          : ticket.fulfilment === "DELIVERY"
            ? `Pay ${formatInr(amountDuePaise)} in cash to the courier`
            : `Pay ${formatInr(amountDuePaise)} at the counter`;
  return (
    text && (
      <p className="payment" data-testid="payment">
        {text}
      </p>
    )
  );
}
