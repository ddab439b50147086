import type { Weekday } from '../formats/schedule-schema';

// Wall-clock time in an IANA zone with nothing but Intl: what a zone's clock reads at an instant,
// and the first instant at which it reads a given time. Correct across daylight-saving changes,
// where a wall time can be skipped (spring forward) or happen twice (fall back).

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** What the zone's clock reads at `instant` (ms since the epoch). */
export function wallTimeAt(instant: number, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The wall time as if it were UTC: lets two wall times (and offsets) be compared as numbers. */
export function wallMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's offset from UTC at `instant`, in ms (Berlin in summer: +7 200 000). */
export function offsetAt(instant: number, zone: string): number {
  return wallMs(wallTimeAt(instant, zone)) - Math.floor(instant / 1000) * 1000;
}

const hour = 3_600_000;

/**
 * The first instant at which the zone's clock reads `wall` or later. Usually the one instant that
 * reads `wall`; in a fall-back overlap the earlier of two; in a spring-forward gap (02:30 in
 * Berlin on the last Sunday of March) the moment the clock jumps past it, because that is when a
 * window "opening at 02:30" is first open.
 */
export function firstInstantAt(wall: WallTime, zone: string): number {
  const target = wallMs(wall);
  // No zone changes its offset twice within 36 hours, so the offsets either side cover every case.
  const offsets = [...new Set([offsetAt(target - 18 * hour, zone), offsetAt(target + 18 * hour, zone)])];
  const exact = offsets.map((offset) => target - offset).filter((t) => t + offsetAt(t, zone) === target);
  if (exact.length > 0) return Math.min(...exact);
  // A gap: search the transition between the two readings of the target.
  let low = Math.min(...offsets.map((offset) => target - offset));
  let high = Math.max(...offsets.map((offset) => target - offset));
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000;
    if (mid + offsetAt(mid, zone) >= target) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * The instant in (from, to] at which the clock goes back (fall back), if it does in that span: the
 * clock then reads earlier wall times a second time, which can reopen a window.
 */
export function fallBackBetween(from: number, to: number, zone: string): number | undefined {
  const after = offsetAt(to, zone);
  if (after >= offsetAt(from, zone)) return undefined;
  let low = from;
  let high = to;
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000;
    if (offsetAt(mid, zone) === after) high = mid;
    else low = mid;
  }
  return high;
}

const dayNames: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The weekday of a calendar date (the calendar's, not any zone's). */
export function weekdayOf(year: number, month: number, day: number): Weekday {
  return dayNames[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

/** The calendar date `days` after the given one. */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** `2026-12-20T00:00` (a validated LocalDateTime) as a wall time. */
export function parseLocal(text: string): WallTime {
  const [date = '', time = '00:00'] = text.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [h, m] = time.split(':').map(Number);
  return { year: year!, month: month!, day: day!, hour: h!, minute: m!, second: 0 };
}

const pad = (n: number) => String(n).padStart(2, '0');

function formatOffset(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `UTC${ms < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const shortDays: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** "Mon 2026-03-30 09:00 Europe/Berlin (UTC+02:00)": how people in that zone read an instant. */
export function formatInZone(instant: number | string | Date, zone: string): string {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  const wall = wallTimeAt(ms, zone);
  const day = shortDays[weekdayOf(wall.year, wall.month, wall.day)];
  const date = `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
  return `${day} ${date} ${pad(wall.hour)}:${pad(wall.minute)} ${zone} (${formatOffset(offsetAt(ms, zone))})`;
}
