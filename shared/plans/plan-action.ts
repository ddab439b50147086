import type { Action, ActionOf } from '../formats/action-schema';
import type { NamedEnvironment } from '../formats/environment-schema';
import { interpolate, interpolateMap, type VariableScope } from '../formats/interpolate';
import type { ActionPlan, HostTarget } from './action-plan';
import { imageTag } from './image-version';

// Turns a runbook action into its plan: variables resolved per value, defaults taken from the
// environment, hosts chosen. Pure, so a dry run, the UI's preview and the executor agree.

export interface PlanContext {
  scope: VariableScope;
  /** Absolute path of the project (the git repository). */
  projectRoot: string;
  environment: NamedEnvironment;
  /** The run's strategy (from the start dialog or the runbook); a deploy action may name its own. */
  strategy?: string;
}

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

/** A path in the project, unless it is absolute. Posix separators: plans are data, not fs calls. */
export function projectPath(root: string, path: string): string {
  if (path.startsWith('/')) return path;
  const rest = path.replace(/^(\.\/)+/, '');
  return rest === '.' || rest === '' ? root : `${root.replace(/\/$/, '')}/${rest}`;
}

function selectHosts(selector: 'all' | string[], env: NamedEnvironment): string[] {
  const names = env.hosts.map((host) => host.name);
  if (selector === 'all') return names;
  const unknown = selector.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new PlanError(
      `host ${unknown.map((n) => `"${n}"`).join(', ')} is not in environment "${env.name}" (hosts: ${names.join(', ') || 'none'})`,
    );
  }
  return selector;
}

/** Where docker actions run: this machine's engine, or each selected host's engine over SSH. */
function dockerTarget(selector: 'all' | string[], env: NamedEnvironment): HostTarget {
  if (env.docker.via === 'ssh') {
    const hosts = selectHosts(selector, env);
    if (hosts.length === 0) throw new PlanError(`environment "${env.name}" reaches Docker over SSH but has no hosts`);
    return { via: 'ssh', hosts };
  }
  return { via: env.docker.via, hosts: ['local'] };
}

function sshHosts(selector: 'all' | string[], env: NamedEnvironment): string[] {
  const hosts = selectHosts(selector, env);
  if (hosts.length === 0) throw new PlanError(`environment "${env.name}" has no hosts to run ssh actions on`);
  return hosts;
}

function containerOf(action: { container?: string }, ctx: PlanContext): string {
  const name = action.container ?? ctx.environment.app?.container;
  if (!name)
    throw new PlanError(`name the container, or give environment "${ctx.environment.name}" an app: with a container`);
  return interpolate(name, ctx.scope);
}

function statusList(expect: number | number[] | undefined): number[] | undefined {
  if (expect === undefined) return undefined;
  return Array.isArray(expect) ? expect : [expect];
}

const versionLabel = 'dev.release-pilot.version';

function planDockerRun(action: ActionOf<'docker.run'>, ctx: PlanContext): ActionPlan {
  const app = ctx.environment.app;
  const s = (text: string) => interpolate(text, ctx.scope);
  const image = action.image ?? (app ? `${app.image}:\${version}` : undefined);
  const name = action.name ?? app?.container;
  if (!image || !name) {
    throw new PlanError(
      `docker.run needs image and name, or environment "${ctx.environment.name}" needs an app: section`,
    );
  }
  const ref = s(image);
  const labels = interpolateMap(action.labels, ctx.scope);
  // The version label names what the container runs: the image's tag. A reference without a tag
  // (untagged or pinned by digest) names no version; the action's own label may then say it.
  const version = imageTag(ref) ?? labels[versionLabel];
  delete labels[versionLabel];
  return {
    kind: 'docker.run',
    ...dockerTarget(action.hosts, ctx.environment),
    image: ref,
    name: s(name),
    // A container with its own name is not the app: it takes neither the app's ports nor its env.
    ports: (action.ports ?? (action.name ? [] : app?.ports) ?? []).map(s),
    env: interpolateMap({ ...(action.name ? {} : app?.env), ...action.env }, ctx.scope),
    labels: {
      ...labels,
      ...(version ? { [versionLabel]: version } : {}),
      'dev.release-pilot.environment': ctx.environment.name,
      'dev.release-pilot.run': ctx.scope.runId,
    },
    cmd: action.cmd?.map(s),
    replace: action.replace,
    healthcheck: action.healthcheck && {
      test: action.healthcheck.test.map(s),
      intervalMs: action.healthcheck.interval,
      timeoutMs: action.healthcheck.timeout,
      retries: action.healthcheck.retries,
    },
    network: action.network && s(action.network),
  };
}

export function planAction(action: Action, ctx: PlanContext): ActionPlan {
  const s = (text: string) => interpolate(text, ctx.scope);
  const repo = ctx.projectRoot;
  const env = ctx.environment;
  switch (action.type) {
    case 'shell':
      return {
        kind: 'local-command',
        argv: action.argv.map(s),
        cwd: projectPath(repo, s(action.cwd ?? '.')),
        env: interpolateMap(action.env, ctx.scope),
        timeoutMs: action.timeout,
      };
    case 'manual':
      return { kind: 'manual', instructions: s(action.instructions) };
    case 'git.fetch':
      return { kind: 'git.fetch', repo, remote: s(action.remote) };
    case 'git.resolve':
      return { kind: 'git.resolve', repo, ref: s(action.ref) };
    case 'git.checkout':
      return { kind: 'git.checkout', repo, ref: s(action.ref) };
    case 'git.verify-clean':
      return { kind: 'git.verify-clean', repo };
    case 'git.tag':
      return {
        kind: 'git.tag',
        repo,
        name: s(action.name),
        message: action.message && s(action.message),
        push: action.push,
        remote: s(action.remote),
      };
    case 'git.log':
      return {
        kind: 'git.log',
        repo,
        from:
          ctx.scope.previousVersion === undefined && action.from === '${previous_version}' ? undefined : s(action.from),
        to: s(action.to),
      };
    case 'docker.build':
      return {
        kind: 'docker.build',
        ...dockerTarget(action.hosts, env),
        context: projectPath(repo, s(action.context)),
        dockerfile: action.dockerfile && s(action.dockerfile),
        tags: action.tags.map(s),
        buildArgs: interpolateMap(action.buildArgs, ctx.scope),
      };
    case 'docker.tag':
      return {
        kind: 'docker.tag',
        ...dockerTarget(action.hosts, env),
        source: s(action.source),
        target: s(action.target),
      };
    case 'docker.run':
      return planDockerRun(action, ctx);
    case 'docker.wait-healthy':
      return {
        kind: 'docker.wait-healthy',
        ...dockerTarget(action.hosts, env),
        container: containerOf(action, ctx),
        timeoutMs: action.timeout ?? 60_000,
      };
    case 'docker.stop':
      return { kind: 'docker.stop', ...dockerTarget(action.hosts, env), container: containerOf(action, ctx) };
    case 'docker.remove':
      return { kind: 'docker.remove', ...dockerTarget(action.hosts, env), container: containerOf(action, ctx) };
    case 'docker.logs':
      return {
        kind: 'docker.logs',
        ...dockerTarget(action.hosts, env),
        container: containerOf(action, ctx),
        tail: action.tail,
      };
    case 'docker.exec':
      return {
        kind: 'docker.exec',
        ...dockerTarget(action.hosts, env),
        container: containerOf(action, ctx),
        argv: action.argv.map(s),
      };
    case 'docker.list':
      return { kind: 'docker.list', ...dockerTarget(action.hosts, env), label: action.label && s(action.label) };
    case 'docker.compose':
      return {
        kind: 'docker.compose',
        cwd: repo,
        files: (action.files ?? []).map((f) => projectPath(repo, s(f))),
        projectName: action.projectName && s(action.projectName),
        args: action.args.map(s),
      };
    case 'ssh.exec':
      return {
        kind: 'ssh.exec',
        hosts: sshHosts(action.hosts, env),
        argv: action.argv.map(s),
        cwd: action.cwd && s(action.cwd),
        env: interpolateMap(action.env, ctx.scope),
        concurrency: action.concurrency ?? env.concurrency,
        timeoutMs: action.timeout,
      };
    case 'ssh.upload':
      return {
        kind: 'ssh.upload',
        hosts: sshHosts(action.hosts, env),
        from: projectPath(repo, s(action.from)),
        to: s(action.to),
        mode: action.mode,
        concurrency: env.concurrency,
      };
    case 'http.check':
      return {
        kind: 'http.check',
        url: s(action.url),
        method: action.method,
        headers: interpolateMap(action.headers, ctx.scope),
        body: action.body && s(action.body),
        expectStatus: statusList(action.expectStatus),
        expectBodyContains: action.expectBodyContains && s(action.expectBodyContains),
        maxLatencyMs: action.maxLatency,
        attempts: action.attempts,
        intervalMs: action.interval,
        timeoutMs: action.timeout ?? 10_000,
      };
    case 'deploy':
      return {
        kind: 'deploy',
        strategy: action.strategy ?? ctx.strategy ?? 'recreate',
        version: ctx.scope.version,
        previousVersion: ctx.scope.previousVersion,
        image: env.app ? `${env.app.image}:${ctx.scope.version}` : undefined,
      };
    case 'watch':
      return { kind: 'watch', durationMs: action.duration ?? env.monitoring.watch };
  }
}
