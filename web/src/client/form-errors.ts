/** Field errors by dotted path ("customer.phone", "items.0.notes"), as zod and the server's AppError name them. */
export type FieldErrors = Record<string, string>;

/** A dish in the cart, by its line's index: the name a line's errors go by. */
export type DishName = (line: number) => string;

const FIELD_NAMES: Record<string, string> = {
  "customer.name": "Name",
  "customer.phone": "Phone number",
  deliveryAddress: "Delivery address",
  deliveryLocation: "Your location",
  payment: "Payment",
  scheduledFor: "Time",
  items: "Your order",
};

const LINE_FIELD_NAMES: Record<string, (dish: string) => string> = {
  quantity: (dish) => `Quantity of ${dish}`,
  notes: (dish) => `Notes for ${dish}`,
  allergens: (dish) => `Allergies for ${dish}`,
};

/** What a customer calls the field at `path`; null for paths that are no field of the form (e.g. a header). */
export function fieldName(path: string, dishName: DishName): string | null {
  const line = /^items\.(\d+)\.(\w+)/.exec(path);
  if (line) {
    const dish = dishName(Number(line[1]));
    return LINE_FIELD_NAMES[line[2]!]?.(dish) ?? dish;
  }
  // A part of a field (deliveryLocation.latitude) goes by the field's name.
  const field = Object.keys(FIELD_NAMES).find((f) => path === f || path.startsWith(`${f}.`));
  return field ? FIELD_NAMES[field]! : null;
}

/** The schema's and the server's wordings, as a customer would say them. */
const PHRASES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^must be at most (\d+) characters$/, (m) => `is too long: ${m[1]} characters at most`],
  [/^must be at least (\d+) characters$/, (m) => `is too short: ${m[1]} characters at least`],
  [/^must be a phone number of 7 to 15 digits$/, () => "must have 7 to 15 digits"],
];

/** Messages that go on from the field's name ("must have 7 to 15 digits"); others stand alone ("Appam is sold out"). */
const PREDICATE = /^(is|must|has|was|needs) /;

function rephrase(message: string): string {
  for (const [pattern, say] of PHRASES) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return message;
}

/** One plain sentence per error: "Name is too long: 80 characters at most", "Phone number must have 7 to 15 digits". */
export function errorSentence(path: string, message: string, dishName: DishName): string {
  const said = rephrase(message);
  const name = fieldName(path, dishName);
  return name && PREDICATE.test(said) ? `${name} ${said}` : said.charAt(0).toUpperCase() + said.slice(1);
}

/** The id of the message shown under the field at `path`, for its aria-describedby. */
export function errorId(path: string): string {
  return `error-${path.replaceAll(".", "-")}`;
}

/** The attributes that tie a field to its error, when it has one. */
export function invalidProps(errors: FieldErrors, path: string) {
  return errors[path] === undefined ? {} : { "aria-invalid": true, "aria-describedby": errorId(path) };
}

/** The errors left once the customer changed `path` (and everything under it): its message goes as they edit. */
export function withoutErrorsOf(errors: FieldErrors, path: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([p]) => p !== path && !p.startsWith(`${path}.`)));
}
