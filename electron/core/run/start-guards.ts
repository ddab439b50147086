import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import type { StartGuard } from '../../../shared/runs/start-guard';
import { messageOf, timeBox } from '../environments/time-box';
import { guardWindow, WindowRefusedError } from '../planning/window-guard';
import type { LockInfo } from './deploy-lock';

// What a start checks before anything runs, as outcomes: the environments that must have passed
// this version, the deployment window, the deploy lock. A start acts on them (journals, refuses);
// a preview and `run --dry-run` show them. One computation for both, so a preview that says
// "passed" is one a start accepts, and "would refuse" gives the start's own message.

/** A succeeded run of `version` (same commit, when both are known) on `environment`, if any. */
export type PassedRunLookup = (
  environment: string,
  version: string,
  commit: string | undefined,
) => Promise<{ runId: string; endedAt?: string } | undefined>;

/** Environments that must have passed first: `requires:`, or `staging` for a protected environment when one exists. */
export function requiredEnvironments(environment: NamedEnvironment, known: string[]): string[] {
  if (environment.requires.length > 0) return environment.requires;
  if (environment.protected && environment.name !== 'staging' && known.includes('staging')) return ['staging'];
  return [];
}

export async function requiredEnvironmentGuards(
  environment: NamedEnvironment,
  known: string[],
  version: string,
  commit: string | undefined,
  findPassed: PassedRunLookup,
): Promise<StartGuard[]> {
  const guards: StartGuard[] = [];
  for (const required of requiredEnvironments(environment, known)) {
    const guard = `requires ${required}`;
    const passed = await findPassed(required, version, commit);
    guards.push(
      passed
        ? { guard, outcome: 'passed', detail: `run ${passed.runId} passed ${version} on ${required}` }
        : {
            guard,
            outcome: 'refused',
            detail: `${environment.name} needs ${version} to have passed on ${required} first; no succeeded run of ${version}${commit ? ` (${commit.slice(0, 8)})` : ''} on ${required} was found`,
          },
    );
  }
  return guards;
}

/** The deployment window now, by the start's own guard; an override with a written reason lifts a refusal. */
export function windowGuard(environment: NamedEnvironment, overrideRoles: readonly string[], at: Date): StartGuard {
  try {
    guardWindow(environment, overrideRoles, at);
    const detail = environment.schedule ? 'inside the deployment window' : 'no deployment window is set';
    return { guard: 'deployment window', outcome: 'passed', detail };
  } catch (error) {
    if (!(error instanceof WindowRefusedError)) throw error;
    return { guard: 'deployment window', outcome: 'refused', detail: error.message, lift: 'window-override' };
  }
}

/** A lock's holder as a start names it. */
export function describeLockHolder(holder: LockInfo | undefined): string {
  return holder
    ? `${holder.holder} (run ${holder.runId}, since ${holder.at})`
    : 'an unknown holder (unreadable lock info)';
}

/** Older than the environment's `staleLockAfter` (or unreadable): it may be broken, explicitly. */
export function isStaleLock(holder: LockInfo | undefined, staleAfterMs: number, now: Date): boolean {
  const age = holder ? now.getTime() - Date.parse(holder.at) : Number.POSITIVE_INFINITY;
  return age > staleAfterMs;
}

/** The message a start refuses with when another run holds the lock. */
export function lockRefusal(environment: string, holder: LockInfo | undefined, where: string, stale: boolean): string {
  return `environment ${environment} is locked by ${describeLockHolder(holder)} at ${where}${stale ? ' — the lock looks stale; if that run is gone, break it explicitly (release-pilot run … --break-lock "<why>", or breakLock: true in an answers file)' : ''}`;
}

/**
 * The deploy lock, looked at without touching it. `peek` says who holds it (undefined: free; a
 * holder without info: unreadable); a host that does not answer within `limitMs` is "cannot tell".
 */
export async function lockGuard(
  environment: NamedEnvironment,
  where: string,
  peek: () => Promise<{ info?: LockInfo } | undefined>,
  now: Date,
  limitMs = 5_000,
  provenEnded?: (holder: LockInfo) => Promise<string | undefined>,
): Promise<StartGuard> {
  const guard = 'deploy lock';
  let held: { info?: LockInfo } | undefined;
  try {
    held = await timeBox(peek(), limitMs, `deploy lock ${where}`);
  } catch (error) {
    return { guard, outcome: 'unknown', detail: `cannot tell: ${messageOf(error)}` };
  }
  if (!held) return { guard, outcome: 'passed', detail: `free at ${where}` };
  // A lock whose run this machine's journal shows ended is released by the start itself (lock-proof.ts).
  const proof = held.info && provenEnded ? await provenEnded(held.info).catch(() => undefined) : undefined;
  if (proof) {
    return {
      guard,
      outcome: 'passed',
      detail: `held at ${where} by ${describeLockHolder(held.info)}, a run that ended: the start releases it (${proof})`,
    };
  }
  const stale = isStaleLock(held.info, environment.staleLockAfter, now);
  return {
    guard,
    outcome: 'refused',
    detail: lockRefusal(environment.name, held.info, where, stale),
    ...(stale ? { lift: 'break-lock' as const } : {}),
  };
}
