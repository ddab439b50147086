import { z } from 'zod';

// Durations in runbooks read as people write them ("5m", "30s", "1h30m", "500ms"); a bare number is
// seconds. Seconds are allowed everywhere so that tests (and impatient demos) can use short windows.

const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const durationPattern = /^(\d+(?:\.\d+)?)(ms|s|m|h)/;

/** Milliseconds in a duration text, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  let rest = text.trim();
  if (!rest) return undefined;
  let total = 0;
  while (rest) {
    const match = durationPattern.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * (unitMs[match[2]!] ?? 0);
    rest = rest.slice(match[0].length).trim();
  }
  return total;
}

/** A duration field: `30s`, `5m`, `1h30m`, `250ms`, or a number of seconds. Parses to milliseconds. */
export const Duration = z.union([z.number().nonnegative(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return Math.round(value * 1000);
  const ms = parseDuration(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration: write e.g. 30s, 5m, 1h or 250ms` });
    return z.NEVER;
  }
  return ms;
});

/** Renders milliseconds back the way a person writes them, for plans and reports. */
export function formatDuration(ms: number): string {
  if (ms < 999.5) return `${Math.round(ms)}ms`;
  if (ms < 59_950) return `${Number((ms / 1000).toFixed(1))}s`;
  // Round to whole seconds before splitting, so 119 999 ms reads 2m, not 1m60s.
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes < 60) return seconds ? `${minutes}m${seconds}s` : `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours}h${minutes % 60}m` : `${hours}h`;
}
