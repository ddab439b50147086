import { describePlan } from '../../../shared/plans/describe-plan';
import type { DryRun, DryRunAction } from '../../core/run/dry-run';

// `release-pilot run --dry-run`: the plan of a run, readable. Each action's line comes from the
// describer the start dialog's preview shares (shared/plans/describe-plan.ts).

function actionLines(actions: DryRunAction[], mark = '✗'): string[] {
  return actions.flatMap((a) => {
    if (!a.plan || (a.problem && !a.stages)) return [`    ${mark} ${a.key}  cannot be planned: ${a.problem}`];
    // A deploy shows its plan per host: each stage of its strategy, in order.
    const stages = (a.stages ?? []).map(
      (stage, i) =>
        `        ${i + 1}. ${stage.title}${stage.hosts.length ? `  [${stage.hosts.join(', ')}]` : ''}${stage.weight !== undefined ? `  (${stage.weight}%)` : ''}`,
    );
    return [`    ▶ ${a.key}  ${describePlan(a.plan)}`, ...stages];
  });
}

const guardMarks = { passed: '✓ passed', refused: '✗ would refuse', unknown: '? cannot tell' } as const;

/** The guards a start applies, each as the start would meet it. */
function guardLines(run: DryRun): string[] {
  return run.guards.map(
    (g) =>
      `  ${guardMarks[g.outcome]} — ${g.guard}: ${g.detail}${g.outcome === 'refused' && g.lift === 'window-override' ? ' (--override-window "<why>" lifts it)' : ''}`,
  );
}

/** Guards that would refuse the start (a window refusal counts: the start needs its override). */
export function refusingGuards(run: DryRun): DryRun['guards'] {
  return run.guards.filter((g) => g.outcome === 'refused');
}

/** Actions of the steps that cannot be planned: the run would fail on them, so the dry run says so. */
export function unplannedActions(run: DryRun): DryRunAction[] {
  return run.steps.flatMap((s) => s.actions).filter((a) => a.problem);
}

export function formatDryRun(run: DryRun): string {
  const lines = [
    `Dry run: ${run.runbook} → ${run.environment}${run.protected ? ' (protected)' : ''} @ ${run.version}${run.commit ? ` = ${run.commit.slice(0, 12)}` : run.notGitRef ? ' (not a git ref)' : ' (not a commit of this repository)'}`,
    ...(run.tagsFetched && !run.tagsFetched.ok
      ? [`  ! could not fetch tags from ${run.tagsFetched.remote} (${run.tagsFetched.error}): local refs only`]
      : []),
    `  live before: ${run.previousVersion ?? 'unknown'}; deploy lock at ${run.lock}`,
    'Checks before the start:',
    ...guardLines(run),
  ];
  for (const step of run.steps) {
    lines.push(`── ${step.title} (${step.owner})${step.skipped ? ` — skipped: ${step.skipped}` : ''}`);
    if (step.skipped) continue;
    if (step.approvals.length) lines.push(`    ✔ approval by ${step.approvals.join(', ')}`);
    for (const item of step.items.filter((i) => i.before))
      lines.push(`    ☐ ${item.text}${item.gate ? ` (gate ${item.gate})` : ''}`);
    lines.push(...actionLines(step.actions));
    for (const item of step.items.filter((i) => !i.before)) {
      const how = item.problem
        ? ` — check cannot be planned: ${item.problem}`
        : item.check
          ? ` — checked automatically (${item.check.type})`
          : '';
      lines.push(`    ☐ ${item.text}${item.gate ? ` (gate ${item.gate})` : ''}${how}`);
    }
  }
  if (run.rollback.length) {
    // A rollback is planned against the release live before; on a first deployment there is none.
    lines.push('── Rollback (only if the run rolls back)');
    lines.push(...actionLines(run.rollback, '⚠'));
  }
  for (const secret of run.missingSecrets) lines.push(`✗ secret ${secret.name} is not set: ${secret.howToSet}`);
  const problems = unplannedActions(run).length;
  if (problems) lines.push(`${problems} action(s) cannot be planned: fix them before running.`);
  if (run.missingSecrets.length) lines.push('The run would stop at once for the missing secret(s) above.');
  if (refusingGuards(run).length) lines.push('A start now would be refused: see the checks above.');
  lines.push('Nothing was run, locked or journaled.');
  return lines.join('\n');
}
