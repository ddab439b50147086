import { z } from 'zod';
import { Text } from './common-fields';

// When an environment may be deployed to: weekly windows and dated freezes, all in wall-clock
// time of one IANA time zone (`schedule:` in environments.yml). Starting a run outside a window or
// inside a freeze is refused unless someone with an override role gives a reason. Evaluated by
// shared/planning/window-check.ts; documented in docs/planning.md.

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(weekdays, { error: 'a day is one of: mon, tue, wed, thu, fri, sat, sun' });
export type Weekday = z.infer<typeof Weekday>;

/** The zone's canonical name, or undefined when Intl does not know it. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** An IANA zone name; written back in its canonical spelling (`europe/berlin` → `Europe/Berlin`). */
export const TimeZone = z
  .string({ error: 'name the time zone the times are in, e.g. Europe/Berlin' })
  .transform((name, ctx) => {
    // A bare offset ("+01:00") would ignore daylight saving: people mean a place's clock.
    const zone = /^[A-Za-z]/.test(name) ? canonicalTimeZone(name) : undefined;
    if (zone) return zone;
    ctx.addIssue({
      code: 'custom',
      message: `unknown time zone "${name}": use an IANA name such as Europe/Berlin, America/New_York or UTC`,
    });
    return z.NEVER;
  });

/** A wall-clock time `HH:MM`; `24:00` is allowed as the end of a window that runs to midnight. */
export const ClockTime = z
  .string({ error: 'write a time as "HH:MM" in quotes, e.g. "09:00"' })
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'write a time as HH:MM, from 00:00 to 24:00 (e.g. 09:00)');

/** Minutes since midnight of a validated ClockTime. */
export function clockMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

/**
 * A local date and time in the schedule's zone: `2026-12-20T00:00` (or `2026-12-20`, meaning its
 * midnight). Normalised to `YYYY-MM-DDTHH:MM`, so two values compare as text.
 */
export const LocalDateTime = z
  .string({ error: 'write a date and time in quotes, e.g. "2026-12-20T00:00"' })
  .transform((text, ctx) => {
    const match = localPattern.exec(text.trim());
    const [year, month, day, hour = '00', minute = '00'] = match?.slice(1) ?? [];
    const valid =
      match !== null &&
      Number(month) >= 1 &&
      Number(month) <= 12 &&
      Number(day) >= 1 &&
      // Day 0 of the next month is the last day of this one: catches 2026-02-30.
      Number(day) <= new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate() &&
      Number(hour) <= 23 &&
      Number(minute) <= 59;
    if (valid) return `${year}-${month}-${day}T${hour}:${minute}`;
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not a date and time: write YYYY-MM-DDTHH:MM in the schedule's zone, e.g. 2026-12-20T00:00`,
    });
    return z.NEVER;
  });

export const DeploymentWindow = z
  .strictObject({
    /** Days the window opens on; a window crossing midnight closes on the following day. */
    days: z.array(Weekday).min(1, 'name at least one day, e.g. [mon, tue, wed, thu]'),
    from: ClockTime,
    to: ClockTime,
  })
  .superRefine((window, ctx) => {
    if (window.from === '24:00')
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'a window opens at 00:00–23:59; 24:00 can only end one',
      });
    else if (window.from === window.to)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the window opens and closes at ${window.from}; for a whole day write from: "00:00", to: "24:00"`,
      });
    const seen = new Set<string>();
    window.days.forEach((day, i) => {
      if (seen.has(day)) ctx.addIssue({ code: 'custom', path: ['days', i], message: `day "${day}" is listed twice` });
      seen.add(day);
    });
  });
export type DeploymentWindow = z.output<typeof DeploymentWindow>;

export const Freeze = z
  .strictObject({ from: LocalDateTime, to: LocalDateTime, reason: Text })
  .refine((freeze) => freeze.to > freeze.from, { path: ['to'], message: 'a freeze must end after it starts' });
export type Freeze = z.output<typeof Freeze>;

export const Schedule = z.strictObject({
  timezone: TimeZone,
  /** When runs may start. None: at any time outside the freezes. */
  windows: z.array(DeploymentWindow).default([]),
  /** Periods with no deployments at all (a window does not reopen them). */
  freezes: z.array(Freeze).default([]),
});
export type Schedule = z.output<typeof Schedule>;
export type ScheduleInput = z.input<typeof Schedule>;
