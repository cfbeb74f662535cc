"use client";
import {
  AppError,
  ORDER_LIMITS,
  fieldErrors,
  formatInr,
  placeOrderRequestSchema,
  type Allergen,
  type Fulfilment,
  type Menu,
  type PaymentMethod,
  type PlaceOrderResponse,
} from "@orderly/shared";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { api } from "./api.ts";
import { CartLine, type Line } from "./cart-line.tsx";
import { ErrorSummary } from "./error-summary.tsx";
import { FieldError } from "./field-error.tsx";
import { errorSentence, invalidProps, withoutErrorsOf, type FieldErrors } from "./form-errors.ts";
import { LocationChoice } from "./location-choice.tsx";
import { rememberOrderToken } from "./order-token.ts";
import { OrderingNotice, clock, orderingBlocked } from "./ordering-notice.tsx";
import { PaymentChoice } from "./payment-choice.tsx";
import { useCurrentLocation } from "./use-current-location.ts";
import { useLiveMenu } from "./use-live-menu.ts";

// The schema is the one source of the customer fields' lengths.
const { name: nameSchema, phone: phoneSchema } = placeOrderRequestSchema.shape.customer.shape;

function toggleAllergen(line: Line, allergen: Allergen): Line {
  return { ...line, allergens: line.allergens.includes(allergen) ? line.allergens.filter((a) => a !== allergen) : [...line.allergens, allergen] };
}

/**
 * The menu and cart. The menu is live: a sold-out item greys out (in the cart too, and Place order
 * says what to remove), a pause or closing shows why, and a restored item comes back. The order is
 * checked against the shared schema before it is sent; every error, the browser's or the server's,
 * reads as a sentence under its field and in a summary, and focus goes to the first bad field.
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
  const { location, locate, remove: removeLocation } = useCurrentLocation();
  const [payment, setPayment] = useState<PaymentMethod>("CASH");
  /** The slot chosen, or "" for as soon as possible. */
  const [when, setWhen] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  // One key per order attempt: a double tap or a retry of the same cart never makes two orders.
  const idempotencyKey = useRef<string | null>(null);
  // On a phone the cart is below the menu: a bar leads to it until it is on screen.
  const cartRef = useRef<HTMLElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [cartVisible, setCartVisible] = useState(false);
  useEffect(() => {
    const observer = new IntersectionObserver(([entry]) => setCartVisible(entry?.isIntersecting ?? false));
    if (cartRef.current) observer.observe(cartRef.current);
    return () => observer.disconnect();
  }, []);

  /** Any change makes a new order attempt, and takes the changed field's error away. */
  const edit = (path: string, change: () => void) => {
    idempotencyKey.current = null;
    setErrors((e) => withoutErrorsOf(e, path));
    change();
  };
  // Line indexes shift as lines come and go: a cart change takes all line errors away.
  const editLines = (change: (ls: Line[]) => Line[]) => edit("items", () => setLines(change));
  const editLine = (index: number, change: (l: Line) => Line) => editLines((ls) => ls.map((l, i) => (i === index ? change(l) : l)));
  const add = (menuItemId: string) =>
    editLines((ls) =>
      ls.some((l) => l.menuItemId === menuItemId)
        ? ls.map((l) => (l.menuItemId === menuItemId ? { ...l, quantity: l.quantity + 1 } : l))
        : [...ls, { menuItemId, quantity: 1, notes: "", allergens: [] }],
    );
  const setQuantity = (index: number, quantity: number) =>
    quantity <= 0 ? editLines((ls) => ls.filter((_, i) => i !== index)) : editLine(index, (l) => ({ ...l, quantity }));

  const quantityOf = (menuItemId: string) => lines.find((l) => l.menuItemId === menuItemId)?.quantity ?? 0;
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

  const dishName = (index: number) => items.get(lines[index]?.menuItemId ?? "")?.name ?? `Dish ${index + 1}`;
  const sentences = Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, errorSentence(path, message, dishName)]));

  /** Shows these errors and moves focus to the first bad field (or the summary when no field is to blame). */
  function showErrors(found: FieldErrors) {
    flushSync(() => {
      setErrors(found);
      setSubmitting(false);
    });
    const first = cartRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? summaryRef.current;
    // Centred, so its label above and its message below are on screen too.
    first?.focus({ preventScroll: true });
    first?.scrollIntoView({ block: "center" });
  }

  async function placeOrder() {
    if (submitting) return;
    const delivery = fulfilment === "DELIVERY";
    const request = {
      restaurantSlug: menu.restaurant.slug,
      customer: { name, phone },
      fulfilment,
      ...(delivery && address.trim() && { deliveryAddress: address }),
      ...(delivery && location.state === "attached" && { deliveryLocation: location.point }),
      payment,
      ...(when && { scheduledFor: when }),
      items: lines.map((l) => ({
        menuItemId: l.menuItemId,
        quantity: l.quantity,
        ...(l.notes.trim() && { notes: l.notes.trim() }),
        ...(l.allergens.length > 0 && { allergens: l.allergens }),
      })),
    };
    const checked = placeOrderRequestSchema.safeParse(request);
    if (!checked.success) return showErrors(fieldErrors(checked.error));
    setErrors({});
    setSubmitting(true);
    idempotencyKey.current ??= crypto.randomUUID();
    try {
      const placed = await api<PlaceOrderResponse>("/api/orders", { body: request, headers: { "Idempotency-Key": idempotencyKey.current } });
      rememberOrderToken(placed.order.ticket.id, placed.customerToken);
      router.push(`/orders/${placed.order.ticket.id}`);
    } catch (error) {
      showErrors(error instanceof AppError ? (error.fields ?? { form: error.message }) : { form: "Something went wrong; try again." });
    }
  }

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
                    <button
                      className="btn"
                      onClick={() => add(item.id)}
                      disabled={quantityOf(item.id) >= ORDER_LIMITS.maxQuantityPerLine}
                      aria-label={`Add ${item.name}`}
                    >
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
        <FieldError sentences={sentences} path="items" />
        <ul className="cart-lines">
          {lines.map((line, i) => (
            <CartLine
              key={line.menuItemId}
              item={items.get(line.menuItemId)!}
              line={line}
              path={`items.${i}`}
              sentences={sentences}
              onQuantity={(quantity) => setQuantity(i, quantity)}
              onNotes={(notes) => editLine(i, (l) => ({ ...l, notes }))}
              onAllergen={(allergen) => editLine(i, (l) => toggleAllergen(l, allergen))}
            />
          ))}
        </ul>
        <p className="total">
          Total <strong>{formatInr(total)}</strong>
        </p>

        <label>
          Name
          <input
            value={name}
            onChange={(e) => edit("customer.name", () => setName(e.target.value))}
            autoComplete="name"
            maxLength={nameSchema.maxLength ?? undefined}
            {...invalidProps(sentences, "customer.name")}
          />
        </label>
        <FieldError sentences={sentences} path="customer.name" />
        <label>
          Phone
          <input
            value={phone}
            onChange={(e) => edit("customer.phone", () => setPhone(e.target.value))}
            type="tel"
            autoComplete="tel"
            maxLength={phoneSchema.maxLength ?? undefined}
            {...invalidProps(sentences, "customer.phone")}
          />
        </label>
        <FieldError sentences={sentences} path="customer.phone" />
        {/* Whether an address is needed depends on it: a change takes the address's error away. */}
        <fieldset className="choices">
          <legend>Pickup or delivery</legend>
          {(["DELIVERY", "PICKUP"] as const).map((f) => (
            <label key={f}>
              <input type="radio" name="fulfilment" checked={fulfilment === f} onChange={() => edit("deliveryAddress", () => setFulfilment(f))} />
              {f === "DELIVERY" ? "Delivery" : "Pickup"}
            </label>
          ))}
        </fieldset>
        {fulfilment === "DELIVERY" && (
          <>
            <label>
              Delivery address
              <textarea
                value={address}
                onChange={(e) => edit("deliveryAddress", () => setAddress(e.target.value))}
                autoComplete="street-address"
                rows={2}
                maxLength={ORDER_LIMITS.maxAddressLength}
                {...invalidProps(sentences, "deliveryAddress")}
              />
            </label>
            <FieldError sentences={sentences} path="deliveryAddress" />
            <LocationChoice location={location} locate={() => edit("deliveryLocation", locate)} remove={() => edit("deliveryLocation", removeLocation)} />
            <FieldError sentences={sentences} path="deliveryLocation" />
          </>
        )}
        <PaymentChoice payment={payment} fulfilment={fulfilment} onChange={(p) => edit("payment", () => setPayment(p))} />
        <label>
          When
          <select value={when} onChange={(e) => edit("scheduledFor", () => setWhen(e.target.value))} data-testid="when" {...invalidProps(sentences, "scheduledFor")}>
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
        <FieldError sentences={sentences} path="scheduledFor" />
        <ErrorSummary sentences={sentences} ref={summaryRef} />
        <button className="btn btn-primary btn-big" onClick={placeOrder} disabled={submitting || blocker !== null} data-testid="place-order">
          {submitting ? "Placing order…" : (blocker ?? `Place order · ${formatInr(total)}`)}
        </button>
      </section>
    </div>
  );
}
