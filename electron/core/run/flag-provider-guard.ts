import type { Action } from '../../../shared/formats/action-schema';
import type { ExecutorContext } from './executor-context';
import { GuardRefusedError } from './run-guards';

// A run that will deploy with the feature-flags strategy reads its flag provider before step 1 —
// every copy of the flag file (here or over SSH on each host), or the HTTP provider's read — so a
// malformed file or an unreachable provider refuses the run like any other pre-start check
// instead of failing inside the deploy action after earlier actions already changed things.

const guard = 'flag provider';

/** Whether any deploy this run can reach (its steps for this environment, its rollback) uses flags. */
function deploysWithFlags(ctx: ExecutorContext): boolean {
  const environment = ctx.plan.environment.name;
  const actions: Action[] = [
    ...ctx.runbook.steps
      .filter((s) => !s.environments || s.environments.includes(environment))
      .flatMap((s) => s.actions),
    ...ctx.runbook.rollback.actions,
  ];
  return actions.some((a) => a.type === 'deploy' && (a.strategy ?? ctx.plan.strategy) === 'feature-flags');
}

export async function checkFlagProvider(ctx: ExecutorContext): Promise<void> {
  if (!deploysWithFlags(ctx)) return;
  const environment = ctx.plan.environment;
  const settings = environment.deploy.flags;
  const flags = ctx.deployment.targets.flags;
  const refuse = async (detail: string): Promise<never> => {
    await ctx.recorder.emit('guard.failed', { guard, detail });
    throw new GuardRefusedError(detail);
  };
  if (!settings || !flags)
    return refuse(
      `environment ${environment.name}: the feature-flags strategy needs deploy.flags (provider, flag, steps)`,
    );
  try {
    await flags.check?.(settings.flag, {
      signal: ctx.signal,
      output: (host, stream, line) => ctx.output(host ?? guard, stream, line),
    });
  } catch (error) {
    return refuse((error as Error).message);
  }
  await ctx.recorder.emit('guard.passed', { guard, detail: `${flags.where} read: flag ${settings.flag} can be set` });
}
