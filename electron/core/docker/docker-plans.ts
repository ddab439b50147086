import type Dockerode from 'dockerode';
import {
  containerNameProblem,
  healthcheckTestProblem,
  imageRefProblem,
  parsePortMapping,
} from '../../../shared/formats/docker-fields';
import { displayArgv } from './display-argv';
import { DockerPlanError } from './docker-errors';

/** The label that carries the deployed version on every container we start. */
export const versionLabel = 'dev.release-pilot.version';

// Plans are plain data: a dry run shows `summary`, a unit test asserts the API body, a runner executes it.

export interface BuildSpec {
  context: string;
  dockerfile?: string;
  tags: string[];
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  noCache?: boolean;
}

export interface BuildPlan {
  kind: 'build';
  context: string;
  tags: string[];
  /** Query of POST /build. */
  query: {
    t: string[];
    dockerfile: string;
    rm: true;
    forcerm: true;
    nocache: boolean;
    buildargs?: Record<string, string>;
    labels?: Record<string, string>;
  };
  summary: string;
}

export function planBuild(spec: BuildSpec): BuildPlan {
  if (spec.tags.length === 0) throw new DockerPlanError('tags', 'at least one tag is needed to find the image again');
  spec.tags.forEach((tag, i) => {
    checkImageRef(`tags[${i}]`, tag);
  });
  const dockerfile = spec.dockerfile ?? 'Dockerfile';
  const argv = ['docker', 'build', '-f', dockerfile];
  for (const tag of spec.tags) argv.push('-t', tag);
  for (const [k, v] of Object.entries(spec.buildArgs ?? {})) argv.push('--build-arg', `${k}=${v}`);
  for (const [k, v] of Object.entries(spec.labels ?? {})) argv.push('--label', `${k}=${v}`);
  if (spec.noCache) argv.push('--no-cache');
  argv.push(spec.context);
  return {
    kind: 'build',
    context: spec.context,
    tags: [...spec.tags],
    query: {
      t: [...spec.tags],
      dockerfile,
      rm: true,
      forcerm: true,
      nocache: spec.noCache ?? false,
      ...(spec.buildArgs ? { buildargs: { ...spec.buildArgs } } : {}),
      ...(spec.labels ? { labels: { ...spec.labels } } : {}),
    },
    summary: displayArgv(argv),
  };
}

export interface TagPlan {
  kind: 'tag';
  source: string;
  repo: string;
  tag: string;
  summary: string;
}

export function planTag(source: string, target: string): TagPlan {
  checkImageRef('source', source);
  const { repo, tag } = splitImageRef('target', target);
  return { kind: 'tag', source, repo, tag, summary: displayArgv(['docker', 'tag', source, `${repo}:${tag}`]) };
}

/** "registry:5000/app:1.2" → repo "registry:5000/app", tag "1.2"; no tag means "latest", as docker does. */
export function splitImageRef(field: string, ref: string): { repo: string; tag: string } {
  checkImageRef(field, ref);
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) return { repo: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { repo: ref, tag: 'latest' };
}

function checkImageRef(field: string, ref: string): void {
  const problem = imageRefProblem(ref);
  if (problem) throw new DockerPlanError(field, problem);
}

export interface HealthcheckSpec {
  test: string[];
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs?: number;
}

export interface RunSpec {
  name: string;
  image: string;
  /** "8080:80", "127.0.0.1:8080:80", "8080:80/udp". */
  ports?: string[];
  env?: Record<string, string>;
  labels?: Record<string, string>;
  /** Written to the dev.release-pilot.version label. */
  version?: string;
  cmd?: string[];
  /** Stop and remove an existing container of this name first. */
  replace?: boolean;
  healthcheck?: HealthcheckSpec;
  network?: string;
  restart?: 'no' | 'always' | 'unless-stopped' | 'on-failure';
}

export interface RunPlan {
  kind: 'run';
  name: string;
  replace: boolean;
  create: Dockerode.ContainerCreateOptions;
  summary: string;
}

const msToNs = (ms: number) => Math.round(ms * 1_000_000);

export function planRunContainer(spec: RunSpec): RunPlan {
  const badName = containerNameProblem(spec.name);
  if (badName) throw new DockerPlanError('name', badName);
  checkImageRef('image', spec.image);
  const labels = { ...spec.labels, ...(spec.version !== undefined ? { [versionLabel]: spec.version } : {}) };
  const ports = (spec.ports ?? []).map((p, i) => parsePort(`ports[${i}]`, p));
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp?: string; HostPort: string }[]> = {};
  for (const p of ports) {
    exposed[p.key] = {};
    const binding = { ...(p.hostIp ? { HostIp: p.hostIp } : {}), HostPort: p.hostPort };
    bindings[p.key] = [...(bindings[p.key] ?? []), binding];
  }
  const create: Dockerode.ContainerCreateOptions = {
    name: spec.name,
    Image: spec.image,
    Labels: labels,
    Env: Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${v}`),
    ExposedPorts: exposed,
    HostConfig: {
      // An init reaps zombies and forwards SIGTERM, so `stop` takes milliseconds instead of the 10 s grace period.
      Init: true,
      PortBindings: bindings,
      ...(spec.restart ? { RestartPolicy: { Name: spec.restart } } : {}),
      ...(spec.network ? { NetworkMode: spec.network } : {}),
    },
    ...(spec.cmd ? { Cmd: [...spec.cmd] } : {}),
    ...(spec.healthcheck ? { Healthcheck: healthcheckBody(spec.healthcheck) } : {}),
  };
  const argv = ['docker', 'run', '-d', '--init', '--name', spec.name];
  for (const p of spec.ports ?? []) argv.push('-p', p);
  for (const e of create.Env ?? []) argv.push('-e', e);
  for (const [k, v] of Object.entries(labels)) argv.push('--label', `${k}=${v}`);
  if (spec.network) argv.push('--network', spec.network);
  if (spec.restart) argv.push('--restart', spec.restart);
  if (spec.healthcheck) argv.push('--health-cmd', displayArgv(spec.healthcheck.test.slice(1)));
  argv.push(spec.image, ...(spec.cmd ?? []));
  const summary = `${spec.replace ? `docker rm -f ${displayArgv([spec.name])} && ` : ''}${displayArgv(argv)}`;
  return { kind: 'run', name: spec.name, replace: spec.replace ?? false, create, summary };
}

function healthcheckBody(h: HealthcheckSpec): NonNullable<Dockerode.ContainerCreateOptions['Healthcheck']> {
  const problem = healthcheckTestProblem(h.test);
  if (problem) throw new DockerPlanError('healthcheck.test', problem);
  return {
    Test: [...h.test],
    Interval: msToNs(h.intervalMs),
    Timeout: msToNs(h.timeoutMs),
    Retries: h.retries,
    ...(h.startPeriodMs !== undefined ? { StartPeriod: msToNs(h.startPeriodMs) } : {}),
  };
}

interface PortMapping {
  key: string;
  hostIp?: string;
  hostPort: string;
}

function parsePort(field: string, text: string): PortMapping {
  const parsed = parsePortMapping(text);
  if (!parsed)
    throw new DockerPlanError(field, `"${text}" is not a port mapping (e.g. "8080:80" or "127.0.0.1:8080:80")`);
  const { hostIp, hostPort, containerPort, proto } = parsed;
  return { key: `${containerPort}/${proto ?? 'tcp'}`, hostIp, hostPort: hostPort ?? '' };
}

export interface ExecSpec {
  env?: Record<string, string>;
  workdir?: string;
}

export interface ExecPlan {
  kind: 'exec';
  container: string;
  create: Dockerode.ExecCreateOptions;
  summary: string;
}

export function planExec(container: string, argv: string[], spec: ExecSpec = {}): ExecPlan {
  if (argv.length === 0) throw new DockerPlanError('argv', 'the command to run in the container is empty');
  const env = Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${v}`);
  const cli = ['docker', 'exec'];
  for (const e of env) cli.push('-e', e);
  if (spec.workdir) cli.push('-w', spec.workdir);
  cli.push(container, ...argv);
  return {
    kind: 'exec',
    container,
    create: {
      Cmd: [...argv],
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      ...(env.length ? { Env: env } : {}),
      ...(spec.workdir ? { WorkingDir: spec.workdir } : {}),
    },
    summary: displayArgv(cli),
  };
}

export interface StopPlan {
  kind: 'stop';
  name: string;
  timeoutSec: number;
  summary: string;
}

export function planStop(name: string, timeoutSec = 10): StopPlan {
  return { kind: 'stop', name, timeoutSec, summary: displayArgv(['docker', 'stop', '-t', String(timeoutSec), name]) };
}

export interface RemovePlan {
  kind: 'remove';
  name: string;
  force: boolean;
  summary: string;
}

export function planRemove(name: string, force = false): RemovePlan {
  return { kind: 'remove', name, force, summary: displayArgv(['docker', 'rm', ...(force ? ['-f'] : []), name]) };
}
