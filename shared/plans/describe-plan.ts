import { formatDuration } from '../formats/duration';
import type { ActionPlan } from './action-plan';

// An action's plan in one line, as the dry run (CLI) and the start dialog's preview (renderer) show
// it. Commands are shown quoted as a shell would need them, though they never pass through one.

/** argv as a person would type it: plain words bare, anything else in POSIX single quotes. */
export function displayArgv(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`)).join(' ');
}

function where(plan: { via: string; hosts: string[] }): string {
  return plan.via === 'ssh'
    ? `on ${plan.hosts.join(', ')} (over SSH)`
    : plan.via === 'env'
      ? 'on DOCKER_HOST'
      : 'on this machine';
}

export function describePlan(plan: ActionPlan): string {
  const quote = displayArgv;
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
