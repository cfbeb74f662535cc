import { ALLERGENS, ORDER_LIMITS, formatInr, type Allergen, type MenuItem } from "@orderly/shared";
import { FieldError } from "./field-error.tsx";
import { invalidProps, type FieldErrors } from "./form-errors.ts";
import { ALLERGEN_LABELS } from "./labels.ts";

export interface Line {
  menuItemId: string;
  quantity: number;
  notes: string;
  allergens: Allergen[];
}

interface CartLineProps {
  item: MenuItem;
  line: Line;
  /** `items.{index}`: where the line's errors are. */
  path: string;
  sentences: FieldErrors;
  onQuantity: (quantity: number) => void;
  onNotes: (notes: string) => void;
  onAllergen: (allergen: Allergen) => void;
}

/** One dish in the cart: how many (up to the limit per line), notes and allergies for the kitchen. */
export function CartLine({ item, line, path, sentences, onQuantity, onNotes, onAllergen }: CartLineProps) {
  const atMost = line.quantity >= ORDER_LIMITS.maxQuantityPerLine;
  const limitId = `${path}-limit`;
  return (
    <li data-testid="cart-line" className={item.available ? undefined : "sold-out"}>
      <div className="cart-line-head">
        <strong>{item.name}</strong>
        <span className="price">{formatInr(item.pricePaise * line.quantity)}</span>
      </div>
      {!item.available && (
        <p className="field-error" data-testid="cart-sold-out">
          Sold out: remove it to place your order.{" "}
          <button className="btn" onClick={() => onQuantity(0)}>
            Remove
          </button>
        </p>
      )}
      <div className="qty">
        <button className="btn" onClick={() => onQuantity(line.quantity - 1)} aria-label={`One less ${item.name}`}>
          −
        </button>
        <span aria-label="quantity">{line.quantity}</span>
        <button
          className="btn"
          onClick={() => onQuantity(line.quantity + 1)}
          disabled={atMost}
          aria-label={`One more ${item.name}`}
          aria-describedby={atMost ? limitId : undefined}
        >
          +
        </button>
        <input
          aria-label={`Notes for ${item.name}`}
          placeholder="Note (e.g. mild)"
          value={line.notes}
          maxLength={ORDER_LIMITS.maxNotesLength}
          onChange={(e) => onNotes(e.target.value)}
          {...invalidProps(sentences, `${path}.notes`)}
        />
      </div>
      {atMost && (
        <p className="muted" id={limitId} data-testid="quantity-limit">
          {ORDER_LIMITS.maxQuantityPerLine} is the most per order line
        </p>
      )}
      <details className="allergies" open={line.allergens.length > 0}>
        <summary>Allergies{line.allergens.length > 0 && `: ${line.allergens.map((a) => ALLERGEN_LABELS[a]).join(", ")}`}</summary>
        <fieldset aria-label={`Allergies for ${item.name}`}>
          {ALLERGENS.map((allergen) => (
            <label key={allergen} className="chip">
              <input type="checkbox" checked={line.allergens.includes(allergen)} onChange={() => onAllergen(allergen)} />
              {ALLERGEN_LABELS[allergen]}
            </label>
          ))}
        </fieldset>
      </details>
      {["notes", "quantity", "allergens", "menuItemId"].map((field) => (
        <FieldError key={field} sentences={sentences} path={`${path}.${field}`} />
      ))}
    </li>
  );
}
