type Cell = string | number | null;

// A text cell a spreadsheet would run as a formula (=, +, -, @ first) is kept as text.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: Cell): string {
  if (value === null) return "";
  const text = typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header of `columns`, then one line per row, CRLF line ends. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  return [columns, ...rows.map((row) => columns.map((c) => row[c] ?? null))].map((line) => line.map(cell).join(",") + "\r\n").join("");
}
