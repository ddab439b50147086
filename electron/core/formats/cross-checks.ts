import type { Problem } from '../../../shared/api/schemas/common';
import type { LoadedEnvironments } from './load-environments';
import type { LoadedRunbook } from './load-runbook';
import { problemAt } from './load-yaml-with-schema';
import { isRecord } from './yaml-source';

// Checks that need both files: names a runbook uses must exist in environments.yml and the other
// way round. Warnings, not errors: each file is valid by itself, but a run would skip a step no
// environment matches, or wait for an approval no role of the runbook can give.

function environmentNames(environments: LoadedEnvironments): string[] | undefined {
  if (environments.missing || !isRecord(environments.raw) || !isRecord(environments.raw.environments)) return undefined;
  return Object.keys(environments.raw.environments);
}

/** Every name in `${env.X}`'s namespace: the variables of all environments. */
export function environmentVariableNames(environments: LoadedEnvironments): Set<string> | undefined {
  if (!environmentNames(environments)) return undefined;
  const names = new Set<string>();
  for (const env of Object.values((environments.raw as { environments: Record<string, unknown> }).environments)) {
    if (isRecord(env) && isRecord(env.variables)) for (const key of Object.keys(env.variables)) names.add(key);
  }
  return names;
}

/** A step's `environments:` that environments.yml does not define. Problems belong to the runbook's file. */
export function stepEnvironmentWarnings(runbook: LoadedRunbook, environments: LoadedEnvironments): Problem[] {
  const names = environmentNames(environments);
  const raw = runbook.raw;
  if (!names || !runbook.origin || !isRecord(raw) || !Array.isArray(raw.steps)) return [];
  const problems: Problem[] = [];
  raw.steps.forEach((step, s) => {
    const wanted = isRecord(step) && Array.isArray(step.environments) ? step.environments : [];
    wanted.forEach((name, e) => {
      if (typeof name === 'string' && !names.includes(name)) {
        const message = `environment "${name}" is not defined in ${environments.file} (defined: ${names.join(', ') || 'none'}); the step will be skipped in every run`;
        problems.push(problemAt(runbook.origin!, ['steps', s, 'environments', e], 'warning', message));
      }
    });
  });
  return problems;
}

/** Host names an action picks (`hosts: [web-1]`) that no environment the step applies to has. */
export function actionHostWarnings(runbook: LoadedRunbook, environments: LoadedEnvironments): Problem[] {
  const names = environmentNames(environments);
  const raw = runbook.raw;
  if (!names || !runbook.origin || !isRecord(raw) || !Array.isArray(raw.steps)) return [];
  const envs = (environments.raw as { environments: Record<string, unknown> }).environments;
  const hostsOf = (env: string): string[] => {
    const hosts = isRecord(envs[env]) ? (envs[env] as Record<string, unknown>).hosts : undefined;
    return Array.isArray(hosts)
      ? hosts.flatMap((h) => (isRecord(h) && typeof h.name === 'string' ? [h.name] : []))
      : [];
  };
  const problems: Problem[] = [];
  raw.steps.forEach((step, s) => {
    if (!isRecord(step) || !Array.isArray(step.actions)) return;
    const applies = Array.isArray(step.environments)
      ? step.environments.filter((e): e is string => typeof e === 'string')
      : names;
    const known = new Set(applies.flatMap(hostsOf));
    step.actions.forEach((action, a) => {
      const hosts = isRecord(action) && Array.isArray(action.hosts) ? action.hosts : [];
      hosts.forEach((host, h) => {
        if (typeof host === 'string' && !known.has(host)) {
          const message = `host "${host}" is in no environment this step runs against (${applies.join(', ') || 'none'}); the action cannot be planned`;
          problems.push(problemAt(runbook.origin!, ['steps', s, 'actions', a, 'hosts', h], 'warning', message));
        }
      });
    });
  });
  return problems;
}

/** Environment `approvals:` roles that a runbook does not declare: no one in its runs could approve. */
export function approvalRoleWarnings(environments: LoadedEnvironments, runbooks: LoadedRunbook[]): Problem[] {
  if (!environmentNames(environments) || !environments.origin) return [];
  const envs = (environments.raw as { environments: Record<string, unknown> }).environments;
  const withRoles = runbooks.filter((r) => isRecord(r.raw) && isRecord(r.raw.roles));
  const problems: Problem[] = [];
  for (const [name, env] of Object.entries(envs)) {
    const approvals = isRecord(env) && Array.isArray(env.approvals) ? env.approvals : [];
    approvals.forEach((role, a) => {
      if (typeof role !== 'string') return;
      const lacking = withRoles
        .filter((r) => !Object.hasOwn((r.raw as { roles: object }).roles, role))
        .map((r) => r.id);
      if (lacking.length === 0) return;
      const message = `role "${role}" is not a role of runbook ${lacking.map((id) => `"${id}"`).join(', ')}: add it to its roles: so someone can approve`;
      problems.push(problemAt(environments.origin!, ['environments', name, 'approvals', a], 'warning', message));
    });
  }
  return problems;
}

const dockerOnHosts = new Set([
  'docker.build',
  'docker.tag',
  'docker.run',
  'docker.wait-healthy',
  'docker.stop',
  'docker.remove',
  'docker.logs',
  'docker.exec',
  'docker.list',
]);

/**
 * Actions the runner refuses in an environment without hosts: ssh actions (nothing to connect
 * to), and Docker actions when the environment reaches Docker over SSH. Said here, at the action,
 * naming the environment, rather than when the run reaches the action.
 */
export function hostlessActionWarnings(runbook: LoadedRunbook, environments: LoadedEnvironments): Problem[] {
  const names = environmentNames(environments);
  const raw = runbook.raw;
  if (!names || !runbook.origin || !isRecord(raw) || !Array.isArray(raw.steps)) return [];
  const envs = (environments.raw as { environments: Record<string, unknown> }).environments;
  const hostless = (env: string) => {
    const value = envs[env];
    return !isRecord(value) || !Array.isArray(value.hosts) || value.hosts.length === 0;
  };
  const dockerOverSsh = (env: string) => {
    const value = envs[env];
    return isRecord(value) && isRecord(value.docker) && value.docker.via === 'ssh';
  };
  const problems: Problem[] = [];
  raw.steps.forEach((step, s) => {
    if (!isRecord(step) || !Array.isArray(step.actions)) return;
    const applies = Array.isArray(step.environments)
      ? step.environments.filter((e): e is string => typeof e === 'string' && names.includes(e))
      : names;
    step.actions.forEach((action, a) => {
      const type = isRecord(action) ? action.type : undefined;
      if (typeof type !== 'string') return;
      const ssh = type === 'ssh.exec' || type === 'ssh.upload';
      const docker = dockerOnHosts.has(type);
      // Hosts named explicitly are checked by actionHostWarnings.
      if ((!ssh && !docker) || (isRecord(action) && Array.isArray(action.hosts))) return;
      const refused = applies.filter((env) => hostless(env) && (ssh || dockerOverSsh(env)));
      if (refused.length === 0) return;
      const many = refused.length > 1;
      const which = `${many ? 'environments' : 'environment'} ${refused.map((e) => `"${e}"`).join(', ')}`;
      const has = many ? 'have' : 'has';
      const why = ssh
        ? `${has} no hosts to run ssh actions on`
        : `${many ? 'reach' : 'reaches'} Docker over SSH but ${has} no hosts`;
      const message = `${which} ${why}: a run there refuses this action (add hosts:, or limit the step with environments:)`;
      problems.push(problemAt(runbook.origin!, ['steps', s, 'actions', a, 'type'], 'warning', message));
    });
  });
  return problems;
}
