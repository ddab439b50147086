import { confirmationRefusal } from '../../../shared/runs/answer-rules';
import { ask, type ExecutorContext } from './executor-context';
import { MissingAnswerError } from './run-decider';
import { type PassedRunLookup, requiredEnvironmentGuards } from './start-guards';

// What a protected environment demands before anything touches it: the environments it requires
// (staging by default) passed with the same version, and the operator typing its name. Approvals
// by role are asked by the executor on the first step that changes something.

export class GuardRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GuardRefusedError';
  }
}

export async function checkGuards(ctx: ExecutorContext, known: string[], findPassed: PassedRunLookup): Promise<void> {
  const environment = ctx.plan.environment;
  // The same outcomes a preview shows (start-guards.ts): journaled here, and a refusal stops the run.
  const { version, commit } = ctx.plan.scope;
  for (const guard of await requiredEnvironmentGuards(environment, known, version, commit, findPassed)) {
    if (guard.outcome === 'passed') {
      await ctx.recorder.emit('guard.passed', { guard: guard.guard, detail: guard.detail });
      continue;
    }
    await ctx.recorder.emit('guard.failed', { guard: guard.guard, detail: guard.detail });
    throw new GuardRefusedError(guard.detail);
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
