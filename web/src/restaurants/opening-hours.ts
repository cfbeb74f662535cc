import { DateTime } from "luxon";

/** One opening period of a weekday (1 = Monday … 7 = Sunday), in minutes after local midnight. */
export interface OpeningPeriod {
  weekday: number;
  opensMinute: number;
  closesMinute: number;
}

export interface OpeningHours {
  timeZone: string;
  periods: OpeningPeriod[];
}

interface Interval {
  start: Date;
  end: Date;
}

/** How far ahead opening and closing times are looked for. */
const HORIZON_DAYS = 8;

/** The last intervals built for a restaurant's periods (a cached restaurant keeps its array), and the local day they are for. */
const built = new WeakMap<OpeningPeriod[], { timeZone: string; dayStart: number; dayEnd: number; intervals: Interval[] }>();

function builtFor(hours: OpeningHours, at: Date) {
  const cached = built.get(hours.periods);
  return cached && cached.timeZone === hours.timeZone && cached.dayStart <= at.getTime() && at.getTime() < cached.dayEnd ? cached : undefined;
}

/**
 * The open intervals from the day before `from` to HORIZON_DAYS after it, touching ones merged (a
 * 24-hour week is one). Built once per local day for the same periods: every order asks.
 */
function openIntervals(hours: OpeningHours, from: Date): Interval[] {
  const cached = builtFor(hours, from);
  if (cached) return cached.intervals;
  const firstDay = DateTime.fromJSDate(from, { zone: hours.timeZone }).startOf("day").minus({ days: 1 });
  const intervals: Interval[] = [];
  for (let d = 0; d <= HORIZON_DAYS + 1; d++) {
    const day = firstDay.plus({ days: d });
    for (const p of hours.periods.filter((p) => p.weekday === day.weekday).sort((a, b) => a.opensMinute - b.opensMinute)) {
      const start = day.plus({ minutes: p.opensMinute }).toJSDate();
      const end = day.plus({ minutes: p.closesMinute }).toJSDate();
      const last = intervals.at(-1);
      if (last && start.getTime() <= last.end.getTime()) last.end = new Date(Math.max(last.end.getTime(), end.getTime()));
      else if (end > start) intervals.push({ start, end });
    }
  }
  const dayStart = firstDay.plus({ days: 1 }).toMillis();
  built.set(hours.periods, { timeZone: hours.timeZone, dayStart, dayEnd: firstDay.plus({ days: 2 }).toMillis(), intervals });
  return intervals;
}

export interface OpenState {
  open: boolean;
  /** While closed: when it next opens, if within the horizon. */
  opensAt: Date | null;
  /** While open: when it closes, if within the horizon. */
  closesAt: Date | null;
}

export function openStateAt(hours: OpeningHours, now: Date): OpenState {
  const intervals = openIntervals(hours, now);
  const horizon = DateTime.fromJSDate(now).plus({ days: HORIZON_DAYS }).toJSDate();
  const current = intervals.find((i) => i.start <= now && now < i.end);
  if (current) return { open: true, opensAt: null, closesAt: current.end < horizon ? current.end : null };
  return { open: false, opensAt: intervals.find((i) => i.start > now)?.start ?? null, closesAt: null };
}

/** Whether it is open at a time in the coming days, the intervals built once for many questions (a day's slots). */
export function openAt(hours: OpeningHours, from: Date): (at: Date) => boolean {
  const intervals = openIntervals(hours, from);
  return (at) => intervals.some((i) => i.start <= at && at < i.end);
}

/** The next local midnight: the end of the restaurant's day. */
export function endOfDay(hours: OpeningHours, now: Date): Date {
  const cached = builtFor(hours, now);
  if (cached) return new Date(cached.dayEnd);
  return DateTime.fromJSDate(now, { zone: hours.timeZone }).startOf("day").plus({ days: 1 }).toJSDate();
}

/** "19:45" in the restaurant's zone, for messages customers read. */
export function localTime(hours: OpeningHours, at: Date): string {
  return DateTime.fromJSDate(at, { zone: hours.timeZone }).toFormat("HH:mm");
}
