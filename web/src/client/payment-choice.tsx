import type { Fulfilment, PaymentMethod } from "@orderly/shared";

/** Cash at the handover, or online: a demo state only, no payment is taken. */
export function PaymentChoice({ payment, fulfilment, onChange }: { payment: PaymentMethod; fulfilment: Fulfilment; onChange: (payment: PaymentMethod) => void }) {
  return (
    <fieldset className="choices choices-rows">
      <legend>Payment</legend>
      <label>
        <input type="radio" name="payment" checked={payment === "CASH"} onChange={() => onChange("CASH")} />
        {fulfilment === "DELIVERY" ? "Cash on delivery" : "Cash when you collect"}
      </label>
      <label>
        <input type="radio" name="payment" checked={payment === "ONLINE"} onChange={() => onChange("ONLINE")} />
        Pay online (demo)
      </label>
      {payment === "ONLINE" && <p className="muted">A demo: no money is taken, and the order is marked paid.</p>}
    </fieldset>
  );
}
