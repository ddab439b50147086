import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import { confirmationRefusal } from '../../../shared/runs/answer-rules';
import { ask, type ExecutorContext } from './executor-context';
import { MissingAnswerError } from './run-decider';

// What a protected environment demands before anything touches it: the environments it requires
// (staging by default) passed with the same version, and the operator typing its name. Approvals
// by role are asked by the executor on the first step that changes something.

/** A succeeded run of `version` (same commit, when both are known) on `environment`, if any. */
export type PassedRunLookup = (
  environment: string,
  version: string,
  commit: string | undefined,
) => Promise<{ runId: string; endedAt?: string } | undefined>;

export class GuardRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GuardRefusedError';
  }
}

/** Environments that must have passed first: `requires:`, or `staging` for a protected environment when one exists. */
export function requiredEnvironments(environment: NamedEnvironment, known: string[]): string[] {
  if (environment.requires.length > 0) return environment.requires;
  if (environment.protected && environment.name !== 'staging' && known.includes('staging')) return ['staging'];
  return [];
}

export async function checkGuards(ctx: ExecutorContext, known: string[], findPassed: PassedRunLookup): Promise<void> {
  const environment = ctx.plan.environment;
  const { version, commit } = { version: ctx.plan.scope.version, commit: ctx.plan.scope.commit };
  for (const required of requiredEnvironments(environment, known)) {
    const passed = await findPassed(required, version, commit);
    if (!passed) {
      const detail = `${environment.name} needs ${version} to have passed on ${required} first; no succeeded run of ${version}${commit ? ` (${commit.slice(0, 8)})` : ''} on ${required} was found`;
      await ctx.recorder.emit('guard.failed', { guard: `requires ${required}`, detail });
      throw new GuardRefusedError(detail);
    }
    await ctx.recorder.emit('guard.passed', {
      guard: `requires ${required}`,
      detail: `run ${passed.runId} passed ${version} on ${required}`,
    });
  }
  if (!environment.protected) return;
  // A mistyped name is refused (journaled, with why) and asked again: the run goes on.
  let refused: string | undefined;
  let by: string;
  for (;;) {
    const typed = await ask(ctx, (signal) => ctx.decider.confirm({ environment: environment.name, refused }, signal));
    if (!typed) {
      const why = refused ? ` (the answer given was refused: ${refused})` : '';
      throw new MissingAnswerError(
        `${environment.name} is protected: type its name to confirm (answers file: confirm: ${environment.name})${why}`,
      );
    }
    refused = confirmationRefusal(environment.name, typed.text);
    by = typed.by;
    if (!refused) break;
    await ctx.recorder.emit('confirmation.refused', {
      environment: environment.name,
      text: typed.text,
      reason: refused,
    });
  }
  await ctx.recorder.emit('confirmation.given', { environment: environment.name, by });
}
