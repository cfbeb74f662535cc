/** The handover code, big enough to read out at the door (digits spaced, so screen readers say them one by one). */
export function DeliveryPin({ pin }: { pin: string }) {
  return (
    <section className="delivery-pin" aria-label="Delivery code" data-testid="delivery-pin">
      <p>Give this code to your courier:</p>
      <p className="pin-digits">{pin.split("").join(" ")}</p>
    </section>
  );
}
