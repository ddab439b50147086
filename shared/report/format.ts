// How times, durations and measurements read in the report. Pure and locale-free: the same
// journal must give the same bytes on every machine, so nothing here looks at a clock or a locale.

/** An event time as UTC ISO to the second (`2026-11-01T09:00:05Z`); text that is not a time stays as it is. */
export function formatTime(at: string | undefined): string {
  if (!at) return '—';
  // The journal writes toISOString() times: cut the milliseconds without a round trip through Date.
  if (at.length === 24 && at[10] === 'T' && at[19] === '.' && at[23] === 'Z') return `${at.slice(0, 19)}Z`;
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The calendar day (UTC) of a time, for the header's date. */
export function formatDay(at: string | undefined): string {
  const time = formatTime(at);
  return /^\d{4}-\d{2}-\d{2}T/.test(time) ? time.slice(0, 10) : time;
}

/** Milliseconds between two event times, or undefined when either is missing or not a time. */
export function between(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `850 ms`, `12.3 s`, `4 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  const rounded = Math.max(0, Math.round(ms));
  if (rounded < 1000) return `${rounded} ms`;
  if (rounded < 60_000) return `${(Math.floor(rounded / 100) / 10).toFixed(1)} s`;
  const seconds = Math.floor(rounded / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${pad(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${pad(Math.floor(seconds / 60) % 60)} min`;
}

/** A fraction 0–1 as a percentage with up to two decimals: `0.01 %`, `99.95 %`, `100 %`. */
export function formatPercent(fraction: number | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${Number((fraction * 100).toFixed(2))} %`;
}

/** A latency in milliseconds: `152 ms`, `2.4 s` from ten seconds up to keep columns narrow. */
export function formatLatency(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  return ms >= 10_000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Number(ms.toFixed(1))} ms`;
}

/** Requests per second, one decimal. */
export function formatRate(perSecond: number | undefined): string {
  if (perSecond === undefined || !Number.isFinite(perSecond)) return '—';
  return `${Number(perSecond.toFixed(1))} req/s`;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
