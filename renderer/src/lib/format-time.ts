// Dates and durations as a release manager reads them in tables: absolute local time (a run log
// is compared with other tools' logs, so "3 hours ago" is not enough) and compact durations.

const placeholder = '—';

export interface TimeFormatOptions {
  /** BCP 47 locale; the tests pin one, the app uses the person's. */
  locale?: string;
  /** IANA zone; the tests pin UTC, the app uses the machine's. */
  timeZone?: string;
}

/** `26 Nov 2025, 11:32:05`, or the input unchanged when it is not a date (never hide data). */
export function formatDateTime(iso: string | undefined, options: TimeFormatOptions = {}): string {
  if (!iso) return placeholder;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(options.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: options.timeZone,
  }).format(date);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `42s`, `3m 05s`, `1h 02m`, `2d 3h`: the two largest units, which is all a table cell needs. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return placeholder;
  const totalSeconds = Math.floor(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes}m ${pad(totalSeconds % 60)}s`;
  const totalHours = Math.floor(totalMinutes / 60);
  if (totalHours < 24) return `${totalHours}h ${pad(totalMinutes % 60)}m`;
  return `${Math.floor(totalHours / 24)}d ${totalHours % 24}h`;
}

/** How long a run took, or undefined while it has no end (still open, or crashed). */
export function runDuration(startedAt: string | undefined, endedAt: string | undefined): string | undefined {
  if (!startedAt || !endedAt) return undefined;
  const ms = new Date(endedAt).getTime() - new Date(startedAt).getTime();
  return Number.isNaN(ms) ? undefined : formatDuration(ms);
}

/**
 * `2025-11-26 10:30`: the compact, sortable form for table cells, in local time. Digits only, so
 * it lines up in a column; the full date with seconds goes in the cell's tooltip.
 */
export function formatTimestamp(iso: string | undefined, options: Pick<TimeFormatOptions, 'timeZone'> = {}): string {
  if (!iso) return placeholder;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: options.timeZone,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
