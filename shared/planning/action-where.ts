import type { Action } from '../formats/action-schema';
import type { NamedEnvironment } from '../formats/environment-schema';

// Where an action of the runbook takes effect, for the plan's "per host" view: the hosts an ssh
// or docker action selects, this machine for local commands and git, people for manual steps.
// It reads the action as data and never throws: a host the environment lacks becomes a problem.

export const thisMachine = 'this machine';
export const inPerson = 'in person';

export interface ActionWhere {
  where: string[];
  problem?: string;
}

function selected(
  selector: 'all' | string[],
  env: NamedEnvironment,
  key: string,
): { names: string[]; problem?: string } {
  const known = env.hosts.map((host) => host.name);
  if (selector === 'all') {
    return known.length > 0
      ? { names: known }
      : { names: [], problem: `${key} runs on hosts, but environment "${env.name}" has none` };
  }
  const unknown = selector.filter((name) => !known.includes(name));
  if (unknown.length === 0) return { names: selector };
  return {
    names: selector,
    problem: `${key}: host ${unknown.map((n) => `"${n}"`).join(', ')} is not in environment "${env.name}" (hosts: ${known.join(', ') || 'none'})`,
  };
}

function dockerEngine(env: NamedEnvironment): string {
  return env.docker.via === 'env' ? 'DOCKER_HOST' : thisMachine;
}

/**
 * `strategyHosts`: the hosts a deploy action's strategy works on (its stages), when known.
 * `key`: the action's address, named in problems.
 */
export function actionWhere(action: Action, env: NamedEnvironment, key: string, strategyHosts?: string[]): ActionWhere {
  const hosts = (action as { hosts?: 'all' | string[] }).hosts;
  if (action.type === 'manual') return { where: [inPerson] };
  if (action.type === 'deploy') {
    if (strategyHosts && strategyHosts.length > 0) return { where: strategyHosts };
    if (env.docker.via === 'ssh' && env.hosts.length > 0) return { where: env.hosts.map((h) => h.name) };
    return { where: [dockerEngine(env)] };
  }
  if (action.type.startsWith('ssh.') && hosts) {
    const { names, problem } = selected(hosts, env, key);
    return { where: names, problem };
  }
  if (action.type.startsWith('docker.') && hosts) {
    if (env.docker.via !== 'ssh') return { where: [dockerEngine(env)] };
    const { names, problem } = selected(hosts, env, key);
    return { where: names, problem };
  }
  if (action.type === 'docker.compose') return { where: [dockerEngine(env)] };
  return { where: [thisMachine] };
}
