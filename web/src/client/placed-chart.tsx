"use client";
import { SLOT_MINUTES, slotStartOf } from "@orderly/shared";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const SLOT_MS = SLOT_MINUTES * 60_000;
/** At least this many slots up to now, so a quiet morning still reads as a timeline. */
const MIN_SLOTS = 12;

/**
 * Orders placed per 15-minute slot today, from the first busy slot (or the last three hours) to the
 * current one, in the restaurant's clock time; the current slot stands out.
 */
export function PlacedChart(props: { placedPerSlot: ReadonlyMap<number, number>; dayStart: number; now: number; timeZone: string }) {
  const current = slotStartOf(new Date(props.now)).getTime();
  const busySlots = [...props.placedPerSlot.keys()].filter((slot) => slot >= props.dayStart);
  const first = Math.max(props.dayStart, Math.min(current - (MIN_SLOTS - 1) * SLOT_MS, ...busySlots));
  const clock = new Intl.DateTimeFormat("en-GB", { timeZone: props.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const data: { slot: string; orders: number; current: boolean }[] = [];
  for (let slot = first; slot <= current; slot += SLOT_MS) {
    data.push({ slot: clock.format(slot), orders: props.placedPerSlot.get(slot) ?? 0, current: slot === current });
  }
  const today = busySlots.reduce((sum, slot) => sum + (props.placedPerSlot.get(slot) ?? 0), 0);
  return (
    <figure className="manage-figure" data-testid="placed-chart">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 18, right: 8, bottom: 0, left: -24 }}>
          <CartesianGrid vertical={false} stroke="#44403c" />
          <XAxis dataKey="slot" stroke="#a8a29e" tick={{ fill: "#d6d3d1", fontSize: 12 }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} stroke="#a8a29e" tick={{ fill: "#d6d3d1", fontSize: 12 }} />
          <Tooltip cursor={{ fill: "#ffffff14" }} contentStyle={{ background: "#1c1917", border: "1px solid #78716c" }} labelStyle={{ color: "#fafaf9" }} />
          <Bar dataKey="orders" name="Orders" fill="#16a34a" isAnimationActive={false} activeBar={{ fill: "#22c55e" }}>
            <LabelList dataKey="orders" position="top" fill="#fafaf9" fontSize={12} formatter={(value) => (value ? String(value) : "")} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption>
        This quarter hour: <strong data-testid="slot-now">{props.placedPerSlot.get(current) ?? 0}</strong> · Today: <strong data-testid="placed-today">{today}</strong>
      </figcaption>
    </figure>
  );
}
