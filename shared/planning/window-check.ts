import { clockMinutes, type DeploymentWindow, type Freeze, type Schedule } from '../formats/schedule-schema';
import {
  addDays,
  fallBackBetween,
  firstInstantAt,
  formatInZone,
  parseLocal,
  type WallTime,
  wallTimeAt,
  weekdayOf,
} from './zoned-time';

// May a run start at this instant? Windows are wall-clock hours on weekdays of the schedule's
// zone, so "09:00–17:00" stays 09:00–17:00 local across daylight-saving changes; freezes are
// dated local periods and win over any window. Pure: the guard, the plan and the UI share it.

export type WindowVerdict =
  | { allowed: true }
  | {
      allowed: false;
      /** Which rule refused, in words: `freeze "year-end freeze"` or `windows`. */
      rule: string;
      /** Why, for a person, with times in the schedule's zone. */
      reason: string;
      /** The first instant a run may start (ISO, UTC); absent when none within two years. */
      nextAllowed?: string;
    };

/** How far ahead the next allowed time is looked for. */
const horizonDays = 731;

interface CompiledFreeze {
  freeze: Freeze;
  start: number;
  end: number;
}

function compileFreezes(schedule: Schedule): CompiledFreeze[] {
  return schedule.freezes.map((freeze) => ({
    freeze,
    start: firstInstantAt(parseLocal(freeze.from), schedule.timezone),
    end: firstInstantAt(parseLocal(freeze.to), schedule.timezone),
  }));
}

const dayOrder = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "mon–fri 09:00–17:00", "sat, sun 22:00–02:00 (next day)". */
export function describeWindow(window: DeploymentWindow): string {
  const days = [...window.days].sort((a, b) => dayOrder.indexOf(a) - dayOrder.indexOf(b));
  const indices = days.map((d) => dayOrder.indexOf(d));
  const run = days.length > 2 && indices.every((d, i) => i === 0 || d === indices[i - 1]! + 1);
  const dayText = run ? `${days[0]}–${days.at(-1)}` : days.join(', ');
  const crosses = clockMinutes(window.to) <= clockMinutes(window.from);
  return `${dayText} ${window.from}–${window.to}${crosses ? ' (next day)' : ''}`;
}

export function describeWindows(schedule: Schedule): string {
  if (schedule.windows.length === 0) return `any time (${schedule.timezone})`;
  return `${schedule.windows.map(describeWindow).join('; ')} (${schedule.timezone})`;
}

function inWindow(window: DeploymentWindow, wall: WallTime): boolean {
  const minute = wall.hour * 60 + wall.minute;
  const from = clockMinutes(window.from);
  const to = clockMinutes(window.to);
  const today = weekdayOf(wall.year, wall.month, wall.day);
  if (from < to) return window.days.includes(today) && minute >= from && minute < to;
  // Crossing midnight: open from `from` on a listed day, and until `to` on the day after one.
  const yesterday = addDays(wall, -1);
  const opensYesterday = window.days.includes(weekdayOf(yesterday.year, yesterday.month, yesterday.day));
  return (window.days.includes(today) && minute >= from) || (opensYesterday && minute < to);
}

function freezeAt(freezes: CompiledFreeze[], instant: number): CompiledFreeze | undefined {
  return freezes.find((f) => instant >= f.start && instant < f.end);
}

function allowedAt(schedule: Schedule, freezes: CompiledFreeze[], instant: number): boolean {
  if (freezeAt(freezes, instant)) return false;
  if (schedule.windows.length === 0) return true;
  const wall = wallTimeAt(instant, schedule.timezone);
  return schedule.windows.some((window) => inWindow(window, wall));
}

/** The instants on one local date at which a window opens or the clock falls back into one. */
function changesOn(schedule: Schedule, date: { year: number; month: number; day: number }): number[] {
  const zone = schedule.timezone;
  const weekday = weekdayOf(date.year, date.month, date.day);
  const instants = schedule.windows
    .filter((window) => window.days.includes(weekday))
    .map((window) => {
      const minutes = clockMinutes(window.from);
      return firstInstantAt({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 }, zone);
    });
  const midnight = (d: typeof date) => firstInstantAt({ ...d, hour: 0, minute: 0, second: 0 }, zone);
  const fallBack = fallBackBetween(midnight(date), midnight(addDays(date, 1)), zone);
  if (fallBack !== undefined) instants.push(fallBack);
  return instants.sort((a, b) => a - b);
}

/** Instants, in order, at which the verdict can turn to "allowed": window openings and freeze ends. */
function* candidates(schedule: Schedule, freezes: CompiledFreeze[], after: number): Generator<number> {
  const ends = freezes.map((f) => f.end).filter((end) => end > after);
  ends.sort((a, b) => a - b);
  let next = 0;
  if (schedule.windows.length > 0) {
    const start = wallTimeAt(after, schedule.timezone);
    for (let k = 0; k <= horizonDays; k++) {
      for (const change of changesOn(schedule, addDays(start, k))) {
        if (change <= after) continue;
        while (next < ends.length && ends[next]! <= change) yield ends[next++]!;
        yield change;
      }
    }
  }
  while (next < ends.length) yield ends[next++]!;
}

/** The first instant after `at` at which a run may start, if any within the horizon. */
export function nextAllowedAfter(schedule: Schedule, at: Date): Date | undefined {
  const freezes = compileFreezes(schedule);
  for (const instant of candidates(schedule, freezes, at.getTime())) {
    if (allowedAt(schedule, freezes, instant)) return new Date(instant);
  }
  return undefined;
}

export function checkWindow(schedule: Schedule, at: Date): WindowVerdict {
  const freezes = compileFreezes(schedule);
  const instant = at.getTime();
  const zone = schedule.timezone;
  if (allowedAt(schedule, freezes, instant)) return { allowed: true };
  let next: number | undefined;
  for (const candidate of candidates(schedule, freezes, instant)) {
    if (allowedAt(schedule, freezes, candidate)) {
      next = candidate;
      break;
    }
  }
  const nextAllowed = next === undefined ? undefined : new Date(next).toISOString();
  const frozen = freezeAt(freezes, instant);
  if (frozen) {
    const { freeze } = frozen;
    return {
      allowed: false,
      rule: `freeze "${freeze.reason}"`,
      reason: `${freeze.reason}: no deployments from ${formatInZone(frozen.start, zone)} until ${formatInZone(frozen.end, zone)}`,
      nextAllowed,
    };
  }
  return {
    allowed: false,
    rule: 'windows',
    reason: `${formatInZone(instant, zone)} is outside the deployment windows: ${describeWindows(schedule)}`,
    nextAllowed,
  };
}
