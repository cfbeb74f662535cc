/** A calendar day in a restaurant's time zone. */
export interface LocalDay {
  /** YYYY-MM-DD */
  date: string;
  start: Date;
  /** The next day's start. */
  end: Date;
  /** 1 = Monday … 7 = Sunday, as OpeningHours counts them. */
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in ms. */
function offsetMs(timeZone: string, at: Date): number {
  let format = formats.get(timeZone);
  if (!format) {
    const numeric = "numeric" as const;
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: numeric, month: numeric, day: numeric, hour: numeric, minute: numeric, second: numeric });
    formats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The local midnight of the day whose midnight, read as UTC, is `midnightAsUtc`. */
function localMidnight(timeZone: string, midnightAsUtc: number): Date {
  const guess = midnightAsUtc - offsetMs(timeZone, new Date(midnightAsUtc));
  // Again from the guess: the offset may differ between UTC midnight and local midnight (DST).
  return new Date(midnightAsUtc - offsetMs(timeZone, new Date(guess)));
}

/** The `count` days before the one `now` falls in, oldest first, then that day itself. */
export function localDaysUpTo(timeZone: string, now: Date, count: number): LocalDay[] {
  const today = new Date(now.getTime() + offsetMs(timeZone, now));
  return Array.from({ length: count + 1 }, (_, i) => {
    const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - count + i);
    const next = midnight + 24 * 3_600_000;
    return {
      date: new Date(midnight).toISOString().slice(0, 10),
      start: localMidnight(timeZone, midnight),
      end: localMidnight(timeZone, next),
      weekday: new Date(midnight).getUTCDay() || 7,
    };
  });
}
