import { z } from "zod";
import { closeReasonSchema } from "./enums.ts";

/** The longest range a report covers, in days (both ends included). */
export const REPORT_MAX_DAYS = 92;

const localDate = z.iso.date("must be a date like 2026-11-01");
const daysFrom = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/** `?from=2026-11-01&to=2026-11-14`: local dates in the restaurant's time zone, both included. */
// The range checks run only on two valid dates, so a bad one is named once.
const validDates = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };
export const reportQuerySchema = z
  .object({ from: localDate, to: localDate })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "must not be before from", ...validDates })
  .refine((q) => daysFrom(q.from, q.to) <= REPORT_MAX_DAYS, {
    path: ["to"],
    message: `must be at most ${REPORT_MAX_DAYS} days from from, both included`,
    ...validDates,
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** Seconds, or null when no order of the group went through the stage. */
const seconds = z.number().nonnegative().nullable();
const count = z.int().nonnegative();
const hour = z.int().min(0).max(23);

/**
 * Each table of a report: the rows of its chart and of its CSV. Orders count by the local day
 * they were created; hours are the local hour an order reached PLACED (a scheduled one: its
 * release); stage times use the first time an order reached each status.
 */
export const reportTablesSchema = z.object({
  days: z.array(
    z.object({
      date: z.iso.date(),
      orders: count,
      /** Of the orders DELIVERED or COLLECTED. */
      revenuePaise: count,
      cancelled: count,
      rejected: count,
      deliveryFailed: count,
      late: count,
    }),
  ),
  /** code null: closed before reasons were recorded. */
  reasons: z.array(z.object({ status: z.enum(["CANCELLED", "REJECTED", "DELIVERY_FAILED"]), code: closeReasonSchema.nullable(), orders: count })),
  hours: z.array(
    z.object({
      hour,
      orders: count,
      placedToAcceptedP50: seconds,
      placedToAcceptedP90: seconds,
      acceptedToReadyP50: seconds,
      acceptedToReadyP90: seconds,
      /** READY to DELIVERED or COLLECTED. */
      readyToHandedOverP50: seconds,
      readyToHandedOverP90: seconds,
      placedToHandedOverP50: seconds,
      placedToHandedOverP90: seconds,
    }),
  ),
  /** ACCEPTED to the station's last ITEM_DONE of the order. */
  stations: z.array(z.object({ stationId: z.uuid(), station: z.string(), orders: count, acceptedToDoneP50: seconds, acceptedToDoneP90: seconds })),
  /** What was ordered, whatever became of the order. */
  items: z.array(z.object({ menuItemId: z.uuid(), item: z.string(), quantity: count, orders: count })),
  /** An order's recall counts once for each station making items of it; item undos for their own station. */
  recalls: z.array(z.object({ stationId: z.uuid(), station: z.string(), orderRecalls: count, itemUndos: count })),
  /**
   * Orders first READY more than twice their prep time (their items' longest) after the kitchen
   * got them (placed, or a scheduled one's release), by hour; how late is past that threshold.
   */
  late: z.array(z.object({ hour, ready: count, late: count, minutesLateP50: z.number().nullable(), minutesLateP90: z.number().nullable() })),
});
export type ReportTables = z.infer<typeof reportTablesSchema>;
export type ReportTable = keyof ReportTables;
export const reportTableSchema = reportTablesSchema.keyof();
export const REPORT_TABLES = reportTableSchema.options;

export const reportSchema = z.object({
  restaurant: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }),
  from: z.iso.date(),
  to: z.iso.date(),
  summary: z.object({ orders: count, revenuePaise: count, cancelled: count, rejected: count, deliveryFailed: count, late: count }),
  tables: reportTablesSchema,
});
export type Report = z.infer<typeof reportSchema>;
