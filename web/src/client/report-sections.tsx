"use client";
import { formatInr, type ReportTable, type ReportTables } from "@orderly/shared";
import type { ReactElement } from "react";
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { KITCHEN_CLOSE_REASONS, KITCHEN_STATUS_WORDS } from "./kitchen-labels.ts";

const COLORS = { main: "#14532d", second: "#b45309", third: "#78716c" };

/** "12:00": an hour of the restaurant's day. */
const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;
/** "Tue 10 Nov": a local date (the string is the restaurant's date, so read it as UTC). */
const dayLabel = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString("en-IN", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
/** "12:07" from seconds; a dash when no order went through the stage. */
const duration = (seconds: number | null) => {
  if (seconds === null) return "—";
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
};
const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);
const pair = (p50: number | null, p90: number | null) => `${duration(p50)} / ${duration(p90)}`;

interface Column<Row> {
  label: string;
  cell(row: Row): string | number;
  /** Numbers align right. */
  numeric?: boolean;
}

export interface Section<T extends ReportTable> {
  title: string;
  /** What the figures mean, in a line. */
  note: string;
  chart(rows: ReportTables[T]): ReactElement;
  columns: Column<ReportTables[T][number]>[];
  /** Said instead of the chart and table when the table has no rows. */
  empty: string;
}

const axis = { tick: { fontSize: 12 }, stroke: COLORS.third };
// Drawn at once: figures to read, not to watch grow (and a screenshot never catches a half-drawn line).
const still = { isAnimationActive: false };
const inMinutes = (value: unknown) => `${String(value)} min`;

/** A chart that takes its card's width at a fixed height. */
function Frame(props: { children: ReactElement; label: string; height?: number }) {
  return (
    <figure className="report-chart" aria-label={props.label}>
      <ResponsiveContainer width="100%" height={props.height ?? 240}>
        {props.children}
      </ResponsiveContainer>
    </figure>
  );
}

export const SECTIONS: { [T in ReportTable]: Section<T> } = {
  days: {
    title: "Orders and revenue by day",
    note: "Orders by the day they were placed; revenue of those delivered or collected.",
    empty: "No orders in this range.",
    chart: (rows) => (
      <Frame label="Orders (bars) and revenue (line) by day">
        <ComposedChart data={rows.map((r) => ({ ...r, day: dayLabel(r.date), rupees: r.revenuePaise / 100 }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" {...axis} />
          <YAxis yAxisId="orders" allowDecimals={false} {...axis} />
          <YAxis yAxisId="rupees" orientation="right" {...axis} tickFormatter={(v: number) => `₹${v.toLocaleString("en-IN")}`} />
          <Tooltip />
          <Legend itemSorter={null} />
          <Bar {...still} yAxisId="orders" dataKey="orders" name="Orders" fill={COLORS.main} />
          <Line {...still} yAxisId="rupees" dataKey="rupees" name="Revenue (₹)" stroke={COLORS.second} strokeWidth={2} />
        </ComposedChart>
      </Frame>
    ),
    columns: [
      { label: "Day", cell: (r) => dayLabel(r.date) },
      { label: "Orders", cell: (r) => r.orders, numeric: true },
      { label: "Revenue", cell: (r) => formatInr(r.revenuePaise), numeric: true },
      { label: "Cancelled", cell: (r) => r.cancelled, numeric: true },
      { label: "Rejected", cell: (r) => r.rejected, numeric: true },
      { label: "Failed deliveries", cell: (r) => r.deliveryFailed, numeric: true },
      { label: "Late", cell: (r) => r.late, numeric: true },
    ],
  },
  hours: {
    title: "Ticket times by hour",
    note: "Median / 90th percentile (minutes:seconds), by the hour the kitchen got the order; first time each status was reached.",
    empty: "No tickets in this range.",
    chart: (rows) => (
      <Frame label="Placed to handed over, median and 90th percentile minutes, by hour">
        <BarChart data={rows.map((r) => ({ hour: hourLabel(r.hour), p50: minutes(r.placedToHandedOverP50), p90: minutes(r.placedToHandedOverP90) }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="hour" {...axis} />
          <YAxis {...axis} unit=" min" width={64} />
          <Tooltip formatter={inMinutes} />
          <Legend itemSorter={null} />
          <Bar {...still} dataKey="p50" name="Placed → handed over, median" fill={COLORS.main} />
          <Bar {...still} dataKey="p90" name="90th percentile" fill={COLORS.second} />
        </BarChart>
      </Frame>
    ),
    columns: [
      { label: "Hour", cell: (r) => hourLabel(r.hour) },
      { label: "Orders", cell: (r) => r.orders, numeric: true },
      { label: "Placed → accepted", cell: (r) => pair(r.placedToAcceptedP50, r.placedToAcceptedP90), numeric: true },
      { label: "Accepted → ready", cell: (r) => pair(r.acceptedToReadyP50, r.acceptedToReadyP90), numeric: true },
      { label: "Ready → handed over", cell: (r) => pair(r.readyToHandedOverP50, r.readyToHandedOverP90), numeric: true },
      { label: "Placed → handed over", cell: (r) => pair(r.placedToHandedOverP50, r.placedToHandedOverP90), numeric: true },
    ],
  },
  stations: {
    title: "Ticket times by station",
    note: "From accepted to the station's last item done of the order: median / 90th percentile.",
    empty: "No station bumped an item in this range.",
    chart: (rows) => (
      <Frame label="Accepted to station done, median and 90th percentile minutes, by station">
        <BarChart data={rows.map((r) => ({ station: r.station, p50: minutes(r.acceptedToDoneP50), p90: minutes(r.acceptedToDoneP90) }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="station" {...axis} interval={0} />
          <YAxis {...axis} unit=" min" width={64} />
          <Tooltip formatter={inMinutes} />
          <Legend itemSorter={null} />
          <Bar {...still} dataKey="p50" name="Median" fill={COLORS.main} />
          <Bar {...still} dataKey="p90" name="90th percentile" fill={COLORS.second} />
        </BarChart>
      </Frame>
    ),
    columns: [
      { label: "Station", cell: (r) => r.station },
      { label: "Orders", cell: (r) => r.orders, numeric: true },
      { label: "Median", cell: (r) => duration(r.acceptedToDoneP50), numeric: true },
      { label: "90th percentile", cell: (r) => duration(r.acceptedToDoneP90), numeric: true },
    ],
  },
  late: {
    title: "Late tickets",
    note: "First ready more than twice the prep time after the kitchen got it; how late is past that point.",
    empty: "No ticket was ready in this range.",
    chart: (rows) => (
      <Frame label="Tickets ready and late, by hour">
        <BarChart data={rows.map((r) => ({ hour: hourLabel(r.hour), onTime: r.ready - r.late, late: r.late }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="hour" {...axis} />
          <YAxis allowDecimals={false} {...axis} />
          <Tooltip />
          <Legend itemSorter={null} />
          <Bar {...still} dataKey="onTime" name="On time" stackId="ready" fill={COLORS.main} />
          <Bar {...still} dataKey="late" name="Late" stackId="ready" fill={COLORS.second} />
        </BarChart>
      </Frame>
    ),
    columns: [
      { label: "Hour", cell: (r) => hourLabel(r.hour) },
      { label: "Ready", cell: (r) => r.ready, numeric: true },
      { label: "Late", cell: (r) => r.late, numeric: true },
      { label: "Minutes late, median", cell: (r) => r.minutesLateP50?.toFixed(1) ?? "—", numeric: true },
      { label: "90th percentile", cell: (r) => r.minutesLateP90?.toFixed(1) ?? "—", numeric: true },
    ],
  },
  recalls: {
    title: "Recalls by station",
    note: "A ticket sent back counts for every station making its items; an item undone for its own station.",
    empty: "No stations.",
    chart: (rows) => (
      <Frame label="Ticket recalls and item undos by station">
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="station" {...axis} interval={0} />
          <YAxis allowDecimals={false} {...axis} />
          <Tooltip />
          <Legend itemSorter={null} />
          <Bar {...still} dataKey="orderRecalls" name="Tickets recalled" stackId="r" fill={COLORS.main} />
          <Bar {...still} dataKey="itemUndos" name="Items undone" stackId="r" fill={COLORS.second} />
        </BarChart>
      </Frame>
    ),
    columns: [
      { label: "Station", cell: (r) => r.station },
      { label: "Tickets recalled", cell: (r) => r.orderRecalls, numeric: true },
      { label: "Items undone", cell: (r) => r.itemUndos, numeric: true },
    ],
  },
  items: {
    title: "Items",
    note: "What was ordered, by quantity (the chart shows the top ten).",
    empty: "Nothing was ordered in this range.",
    chart: (rows) => (
      <Frame label="Top items by quantity" height={Math.max(160, Math.min(rows.length, 10) * 30 + 40)}>
        <BarChart data={rows.slice(0, 10)} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} {...axis} />
          <YAxis type="category" dataKey="item" width={150} {...axis} />
          <Tooltip />
          <Bar {...still} dataKey="quantity" name="Quantity" fill={COLORS.main} />
        </BarChart>
      </Frame>
    ),
    columns: [
      { label: "Item", cell: (r) => r.item },
      { label: "Quantity", cell: (r) => r.quantity, numeric: true },
      { label: "Orders", cell: (r) => r.orders, numeric: true },
    ],
  },
  reasons: {
    title: "Cancelled, rejected and failed deliveries",
    note: "Orders that ended so, by the reason given.",
    empty: "No order was cancelled, rejected or failed in this range.",
    chart: (rows) => (
      <Frame label="Closed orders by reason" height={Math.max(160, rows.length * 32 + 40)}>
        <BarChart data={rows.map((r) => ({ reason: reasonLabel(r), orders: r.orders }))} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} {...axis} />
          <YAxis type="category" dataKey="reason" width={200} {...axis} />
          <Tooltip />
          <Bar {...still} dataKey="orders" name="Orders" fill={COLORS.second} />
        </BarChart>
      </Frame>
    ),
    columns: [
      { label: "Ended", cell: (r) => KITCHEN_STATUS_WORDS[r.status] },
      { label: "Reason", cell: (r) => (r.code ? KITCHEN_CLOSE_REASONS[r.code] : "None recorded") },
      { label: "Orders", cell: (r) => r.orders, numeric: true },
    ],
  },
};

function reasonLabel(row: ReportTables["reasons"][number]): string {
  return `${KITCHEN_STATUS_WORDS[row.status]}: ${row.code ? KITCHEN_CLOSE_REASONS[row.code] : "none recorded"}`;
}
