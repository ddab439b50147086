import { formatDuration } from '../../../shared/formats/duration';
import type { ActionPlan } from '../../../shared/plans/action-plan';
import type { DryRun, DryRunAction } from '../../core/run/dry-run';
import { quoteArgv } from '../../core/ssh/quote';

// `release-pilot run --dry-run`: the plan of a run, readable. Commands are shown quoted as a shell
// would need them, though they never pass through one.

/** argv as a person would type it: plain words bare, anything else in single quotes. */
function quote(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : quoteArgv([arg]))).join(' ');
}

function where(plan: { via: string; hosts: string[] }): string {
  return plan.via === 'ssh'
    ? `on ${plan.hosts.join(', ')} (over SSH)`
    : plan.via === 'env'
      ? 'on DOCKER_HOST'
      : 'on this machine';
}

export function describePlan(plan: ActionPlan): string {
  switch (plan.kind) {
    case 'local-command':
      return `$ ${quote(plan.argv)}   (in ${plan.cwd}${plan.timeoutMs ? `, timeout ${plan.timeoutMs / 1000}s` : ''})`;
    case 'manual':
      return `wait for a person: ${plan.instructions}`;
    case 'ssh.exec':
      return `on ${plan.hosts.join(', ')} (${plan.concurrency} at a time): $ ${quote(plan.argv)}${plan.cwd ? `   (in ${plan.cwd})` : ''}`;
    case 'ssh.upload':
      return `upload ${plan.from} → ${plan.hosts.join(', ')}:${plan.to}${plan.mode ? ` (mode ${plan.mode})` : ''}`;
    case 'http.check':
      return `${plan.method} ${plan.url} → expect ${plan.expectStatus?.join(' or ') ?? '2xx/3xx'}${plan.expectBodyContains ? `, body contains "${plan.expectBodyContains}"` : ''}${plan.maxLatencyMs ? `, within ${plan.maxLatencyMs} ms` : ''} (${plan.attempts} attempt(s))`;
    case 'docker.run':
      return `docker run ${where(plan)}: ${plan.name} from ${plan.image}${plan.ports.length ? `, ports ${plan.ports.join(' ')}` : ''}${plan.replace ? ', replacing the old container' : ''}`;
    case 'docker.build':
      return `docker build ${where(plan)}: ${plan.context} → ${plan.tags.join(', ')}`;
    case 'docker.tag':
      return `docker tag ${where(plan)}: ${plan.source} → ${plan.target}`;
    case 'docker.wait-healthy':
      return `wait ${where(plan)} until ${plan.container} is healthy (up to ${plan.timeoutMs / 1000}s)`;
    case 'docker.stop':
    case 'docker.remove':
    case 'docker.logs':
      return `${plan.kind} ${where(plan)}: ${plan.container}`;
    case 'docker.exec':
      return `docker exec ${where(plan)} in ${plan.container}: $ ${quote(plan.argv)}`;
    case 'docker.list':
      return `docker ps ${where(plan)}${plan.label ? ` --filter label=${plan.label}` : ''}`;
    case 'git.fetch':
      return `git fetch ${plan.remote} (tags too) in ${plan.repo}`;
    case 'git.resolve':
      return `git: resolve ${plan.ref} to a commit in ${plan.repo}`;
    case 'git.checkout':
      return `git checkout ${plan.ref} in ${plan.repo}`;
    case 'git.verify-clean':
      return `git: verify ${plan.repo} has no uncommitted changes`;
    case 'git.tag':
      return `git tag ${plan.name}${plan.message ? ' (annotated)' : ''}${plan.push ? `, push to ${plan.remote}` : ''}`;
    case 'git.log':
      return `git: list commits ${plan.from ?? '(start)'}..${plan.to}`;
    case 'deploy':
      return `deploy ${plan.version}${plan.image ? ` (${plan.image})` : ''} by ${plan.strategy}${plan.previousVersion ? `, replacing ${plan.previousVersion}` : ''}`;
    case 'watch':
      return `watch for ${formatDuration(plan.durationMs)}: the monitors run, and a rollback rule that fires rolls back`;
    case 'docker.compose':
      return `docker compose ${quote([...plan.files.flatMap((f) => ['-f', f]), ...plan.args])}`;
  }
}

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

/** Actions of the steps that cannot be planned: the run would fail on them, so the dry run says so. */
export function unplannedActions(run: DryRun): DryRunAction[] {
  return run.steps.flatMap((s) => s.actions).filter((a) => a.problem);
}

export function formatDryRun(run: DryRun): string {
  const lines = [
    `Dry run: ${run.runbook} → ${run.environment}${run.protected ? ' (protected)' : ''} @ ${run.version}${run.commit ? ` = ${run.commit.slice(0, 12)}` : ' (not a commit of this repository)'}`,
    `  live before: ${run.previousVersion ?? 'unknown'}; deploy lock at ${run.lock}`,
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
  lines.push('Nothing was run, locked or journaled.');
  return lines.join('\n');
}
