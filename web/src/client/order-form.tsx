"use client";
import { ALLERGENS, AppError, fieldErrors, formatInr, placeOrderRequestSchema, type Allergen, type Fulfilment, type Menu, type PlaceOrderResponse } from "@orderly/shared";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { api } from "./api.ts";
import { ALLERGEN_LABELS } from "./labels.ts";
import { rememberOrderToken } from "./order-token.ts";
import { OrderingNotice, clock, orderingBlocked } from "./ordering-notice.tsx";
import { useLiveMenu } from "./use-live-menu.ts";

interface Line {
  menuItemId: string;
  quantity: number;
  notes: string;
  allergens: Allergen[];
}

/**
 * The menu and cart. The menu is live: a sold-out item greys out (in the cart too, and Place order
 * says what to remove), a pause or closing shows why, and a restored item comes back.
 */
export function OrderForm({ initialMenu, realtimeUrl }: { initialMenu: Menu; realtimeUrl: string }) {
  const router = useRouter();
  const { menu } = useLiveMenu(initialMenu, realtimeUrl);
  const { ordering } = menu;
  const timeZone = menu.restaurant.timeZone;
  const items = useMemo(() => new Map(menu.categories.flatMap((c) => c.items).map((i) => [i.id, i])), [menu]);
  const [lines, setLines] = useState<Line[]>([]);
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [fulfilment, setFulfilment] = useState<Fulfilment>("DELIVERY");
  const [address, setAddress] = useState("");
  /** The slot chosen, or "" for as soon as possible. */
  const [when, setWhen] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  // One key per order attempt: a double tap or a retry of the same cart never makes two orders.
  const idempotencyKey = useRef<string | null>(null);
  // On a phone the cart is below the menu: a bar leads to it until it is on screen.
  const cartRef = useRef<HTMLElement>(null);
  const [cartVisible, setCartVisible] = useState(false);
  useEffect(() => {
    const observer = new IntersectionObserver(([entry]) => setCartVisible(entry?.isIntersecting ?? false));
    if (cartRef.current) observer.observe(cartRef.current);
    return () => observer.disconnect();
  }, []);

  const edit = (change: () => void) => {
    idempotencyKey.current = null;
    change();
  };
  const add = (menuItemId: string) =>
    edit(() =>
      setLines((ls) =>
        ls.some((l) => l.menuItemId === menuItemId)
          ? ls.map((l) => (l.menuItemId === menuItemId ? { ...l, quantity: l.quantity + 1 } : l))
          : [...ls, { menuItemId, quantity: 1, notes: "", allergens: [] }],
      ),
    );
  const setQuantity = (index: number, quantity: number) =>
    edit(() => setLines((ls) => (quantity <= 0 ? ls.filter((_, i) => i !== index) : ls.map((l, i) => (i === index ? { ...l, quantity } : l)))));
  const setNotes = (index: number, notes: string) => edit(() => setLines((ls) => ls.map((l, i) => (i === index ? { ...l, notes } : l))));
  const toggleAllergen = (index: number, allergen: Allergen) =>
    edit(() =>
      setLines((ls) =>
        ls.map((l, i) =>
          i !== index ? l : { ...l, allergens: l.allergens.includes(allergen) ? l.allergens.filter((a) => a !== allergen) : [...l.allergens, allergen] },
        ),
      ),
    );

  const total = lines.reduce((sum, l) => sum + (items.get(l.menuItemId)?.pricePaise ?? 0) * l.quantity, 0);
  const soldOut = lines.map((l) => items.get(l.menuItemId)).filter((item) => item && !item.available);
  const asapBlocked = orderingBlocked(ordering, timeZone);
  const slotGone = when !== "" && !ordering.slots.includes(when);
  const blocker =
    lines.length === 0
      ? "Add dishes to order"
      : soldOut.length > 0
        ? `Remove ${soldOut.map((i) => i!.name).join(", ")} (sold out) to order`
        : ordering.paused
          ? "Ordering is paused"
          : slotGone
            ? "Choose another time"
            : when === "" && asapBlocked
              ? "Choose a time later today"
              : null;

  async function placeOrder() {
    if (submitting) return;
    const request = {
      restaurantSlug: menu.restaurant.slug,
      customer: { name, phone },
      fulfilment,
      ...(fulfilment === "DELIVERY" && address.trim() && { deliveryAddress: address }),
      ...(when && { scheduledFor: when }),
      items: lines.map((l) => ({
        menuItemId: l.menuItemId,
        quantity: l.quantity,
        ...(l.notes.trim() && { notes: l.notes.trim() }),
        ...(l.allergens.length > 0 && { allergens: l.allergens }),
      })),
    };
    const checked = placeOrderRequestSchema.safeParse(request);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
      return;
    }
    setErrors({});
    setSubmitting(true);
    idempotencyKey.current ??= crypto.randomUUID();
    try {
      const placed = await api<PlaceOrderResponse>("/api/orders", { body: request, headers: { "Idempotency-Key": idempotencyKey.current } });
      rememberOrderToken(placed.order.ticket.id, placed.customerToken);
      router.push(`/orders/${placed.order.ticket.id}`);
    } catch (error) {
      if (error instanceof AppError) setErrors(error.fields ?? { form: error.message });
      else setErrors({ form: "Something went wrong; try again." });
      setSubmitting(false);
    }
  }

  const error = (field: string) =>
    errors[field] ? (
      <p className="field-error" data-field={field}>
        {errors[field]}
      </p>
    ) : null;

  return (
    <div className="order-layout">
      <OrderingNotice ordering={ordering} timeZone={timeZone} />
      <section className="menu" aria-label="Menu">
        {menu.categories.map((category) => (
          <div key={category.name}>
            <h2>{category.name}</h2>
            <ul className="menu-items">
              {category.items.map((item) => (
                <li key={item.id} className={item.available ? undefined : "sold-out"} data-testid="menu-item" data-item={item.name}>
                  <div>
                    <strong>{item.name}</strong>
                    <span className="muted">{item.description}</span>
                  </div>
                  <span className="price">{formatInr(item.pricePaise)}</span>
                  {item.available ? (
                    <button className="btn" onClick={() => add(item.id)} aria-label={`Add ${item.name}`}>
                      Add
                    </button>
                  ) : (
                    <span className="sold-out-tag" data-testid="sold-out">
                      Sold out
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      {lines.length > 0 && !cartVisible && (
        <a className="cart-bar" href="#cart">
          <span>View order ({lines.reduce((n, l) => n + l.quantity, 0)})</span>
          <span className="price">{formatInr(total)}</span>
        </a>
      )}
      <section className="cart" id="cart" aria-label="Your order" ref={cartRef}>
        <h2>Your order</h2>
        {lines.length === 0 && <p className="muted">Add dishes from the menu.</p>}
        {error("items")}
        <ul className="cart-lines">
          {lines.map((line, i) => {
            const item = items.get(line.menuItemId)!;
            return (
              <li key={line.menuItemId} data-testid="cart-line" className={item.available ? undefined : "sold-out"}>
                <div className="cart-line-head">
                  <strong>{item.name}</strong>
                  <span className="price">{formatInr(item.pricePaise * line.quantity)}</span>
                </div>
                {!item.available && (
                  <p className="field-error" data-testid="cart-sold-out">
                    Sold out: remove it to place your order.{" "}
                    <button className="btn" onClick={() => setQuantity(i, 0)}>
                      Remove
                    </button>
                  </p>
                )}
                <div className="qty">
                  <button className="btn" onClick={() => setQuantity(i, line.quantity - 1)} aria-label={`One less ${item.name}`}>
                    −
                  </button>
                  <span aria-label="quantity">{line.quantity}</span>
                  <button className="btn" onClick={() => setQuantity(i, line.quantity + 1)} aria-label={`One more ${item.name}`}>
                    +
                  </button>
                  <input
                    aria-label={`Notes for ${item.name}`}
                    placeholder="Notes (e.g. less spicy)"
                    value={line.notes}
                    onChange={(e) => setNotes(i, e.target.value)}
                  />
                </div>
                <details className="allergies" open={line.allergens.length > 0}>
                  <summary>
                    Allergies{line.allergens.length > 0 && `: ${line.allergens.map((a) => ALLERGEN_LABELS[a]).join(", ")}`}
                  </summary>
                  <fieldset aria-label={`Allergies for ${item.name}`}>
                    {ALLERGENS.map((allergen) => (
                      <label key={allergen} className="chip">
                        <input type="checkbox" checked={line.allergens.includes(allergen)} onChange={() => toggleAllergen(i, allergen)} />
                        {ALLERGEN_LABELS[allergen]}
                      </label>
                    ))}
                  </fieldset>
                </details>
                {error(`items.${i}.quantity`)}
                {error(`items.${i}.notes`)}
                {error(`items.${i}.allergens`)}
                {error(`items.${i}.menuItemId`)}
              </li>
            );
          })}
        </ul>
        <p className="total">
          Total <strong>{formatInr(total)}</strong>
        </p>

        <label>
          Name
          <input value={name} onChange={(e) => edit(() => setName(e.target.value))} autoComplete="name" />
        </label>
        {error("customer.name")}
        <label>
          Phone
          <input value={phone} onChange={(e) => edit(() => setPhone(e.target.value))} inputMode="tel" autoComplete="tel" />
        </label>
        {error("customer.phone")}
        <fieldset className="fulfilment">
          <legend>Pickup or delivery</legend>
          {(["DELIVERY", "PICKUP"] as const).map((f) => (
            <label key={f}>
              <input type="radio" name="fulfilment" checked={fulfilment === f} onChange={() => edit(() => setFulfilment(f))} />
              {f === "DELIVERY" ? "Delivery" : "Pickup"}
            </label>
          ))}
        </fieldset>
        {fulfilment === "DELIVERY" && (
          <label>
            Delivery address
            <textarea value={address} onChange={(e) => edit(() => setAddress(e.target.value))} autoComplete="street-address" rows={2} />
          </label>
        )}
        {error("deliveryAddress")}
        <label>
          When
          <select value={when} onChange={(e) => edit(() => setWhen(e.target.value))} data-testid="when">
            <option value="" disabled={Boolean(asapBlocked)}>
              As soon as possible
            </option>
            {ordering.slots.map((slot) => (
              <option key={slot} value={slot}>
                Today at {clock(slot, timeZone)}
              </option>
            ))}
          </select>
        </label>
        {error("scheduledFor")}
        {error("form")}
        <button className="btn btn-primary btn-big" onClick={placeOrder} disabled={submitting || blocker !== null} data-testid="place-order">
          {submitting ? "Placing order…" : (blocker ?? `Place order · ${formatInr(total)}`)}
        </button>
      </section>
    </div>
  );
}
