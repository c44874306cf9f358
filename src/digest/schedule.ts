/** A wall-clock reading in some zone: the local calendar day and minutes since local midnight. */
export interface LocalMoment {
  day: string;
  minutes: number;
}

export interface DigestSchedule {
  /** `HH:MM`, 24-hour, in `timeZone`. */
  time: string;
  timeZone: string;
  /** When the schedule was set: a slot already past at that moment waits for the next day. */
  updatedAt: Date;
  lastDigestAt: Date | null;
}

export interface DigestSlot {
  /** The channel's local day at `now`, `YYYY-MM-DD`: the day a digest posted now belongs to. */
  localDay: string;
  /** Today's slot has come (or was missed while down) and no digest is known for today. */
  due: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall clock in `timeZone` at `instant`. Throws RangeError for an unknown zone. */
export function localMoment(instant: Date, timeZone: string): LocalMoment {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    day: `${parts['year']}-${parts['month']}-${parts['day']}`,
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
}

/** `HH:MM` (or `H:MM`) on a 24-hour clock → minutes since midnight; null when it is not a time. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match === null ? null : Number(match[1]) * 60 + Number(match[2]);
}

/** `7:05` → `07:05`; null when it is not a time. */
export function normalizeClockTime(text: string): string | null {
  const minutes = parseClockTime(text);
  if (minutes === null) return null;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Whether a channel's digest is due at `now` (clock-dependent: pass the injected clock's now).
 * Compares wall-clock readings, not instants, so a slot inside a spring-forward gap (02:30 on the
 * day clocks jump 02:00 → 03:00) comes due at the first minute after the gap, and a slot in the
 * repeated hour of a fall-back day is due on both passes; `lastDigestAt` (and the store's claim on
 * the local day) keep that to one post. Being due all the rest of the day is the start-up catch-up.
 */
export function digestSlot(schedule: DigestSchedule, now: Date): DigestSlot {
  const slot = parseClockTime(schedule.time);
  if (slot === null) throw new RangeError(`digest time must be HH:MM; got "${schedule.time}"`);
  const current = localMoment(now, schedule.timeZone);
  const set = localMoment(schedule.updatedAt, schedule.timeZone);
  const setAfterSlotToday = set.day === current.day && set.minutes > slot;
  const postedToday = schedule.lastDigestAt !== null && localMoment(schedule.lastDigestAt, schedule.timeZone).day === current.day;
  return { localDay: current.day, due: current.minutes >= slot && !setAfterSlotToday && !postedToday };
}
