import type { Schedule } from '../../../shared/formats/schedule-schema';
import { checkWindow } from '../../../shared/planning/window-check';
import { formatInZone } from '../../../shared/planning/zoned-time';
import type { RunEventData } from '../../../shared/runs/run-events';
import { CodedError } from '../lib/coded-error';

// The run's first guard: an environment's deployment windows and freezes. Outside them a run is
// refused with the reason and the next allowed time, unless someone holding one of the runbook's
// override roles gives a written reason; the caller journals what comes back as window.overridden.

export type WindowRefusalCode = 'outside-window' | 'override-refused';

export class WindowRefusedError extends CodedError<WindowRefusalCode> {}

export interface WindowOverride {
  reason: string;
  by: string;
  role: string;
}

export type WindowGuardResult = { ok: true; overridden?: RunEventData['window.overridden'] };

/** What the guard needs of an environment; the Environment schema's `schedule:` field fits it. */
export interface ScheduledEnvironment {
  name: string;
  schedule?: Schedule;
}

/**
 * Throws WindowRefusedError ('outside-window') when a run may not start at `at`, or
 * ('override-refused') when the override given does not meet the rules; returns what to journal.
 */
export function guardWindow(
  environment: ScheduledEnvironment,
  overrideRoles: readonly string[],
  at: Date,
  override?: WindowOverride,
): WindowGuardResult {
  const schedule = environment.schedule;
  if (!schedule) return { ok: true };
  const verdict = checkWindow(schedule, at);
  if (verdict.allowed) return { ok: true };
  const zone = schedule.timezone;
  const next = verdict.nextAllowed
    ? `next allowed: ${formatInZone(verdict.nextAllowed, zone)}`
    : 'no allowed time in the next two years';
  const details = {
    environment: environment.name,
    rule: verdict.rule,
    nextAllowed: verdict.nextAllowed,
    timezone: zone,
    overrideRoles: [...overrideRoles],
  };
  const roles = overrideRoles.length > 0 ? overrideRoles.join(', ') : 'none: the runbook names no override role';
  if (!override) {
    throw new WindowRefusedError(
      'outside-window',
      `${environment.name} may not be deployed to now: ${verdict.reason}; ${next}. An override needs a written reason from one of: ${roles}`,
      details,
    );
  }
  const refuse = (why: string) =>
    new WindowRefusedError('override-refused', `override refused for ${environment.name}: ${why}`, {
      ...details,
      by: override.by,
      role: override.role,
    });
  if (!overrideRoles.includes(override.role))
    throw refuse(`role "${override.role}" may not override the deployment window (roles that may: ${roles})`);
  if (!override.by.trim()) throw refuse('say who overrides');
  if (!override.reason.trim()) throw refuse('a written reason is required');
  return {
    ok: true,
    overridden: { rule: verdict.rule, reason: override.reason.trim(), by: override.by.trim(), role: override.role },
  };
}
