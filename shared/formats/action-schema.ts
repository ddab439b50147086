import { z } from 'zod';
import { Argv, HostSelector, HttpStatus, PortMapping, Scalar, Slug, StringMap, Text } from './common-fields';
import {
  composeProjectProblem,
  containerNameProblem,
  healthcheckTestProblem,
  imageRefProblem,
  unlessVariable,
} from './docker-fields';
import { Duration } from './duration';

/** A string field refused by `problem` (the docker runner's own check), with its message. */
const checked = (problem: (text: string) => string | undefined) =>
  z.string().superRefine((text, ctx) => {
    const message = unlessVariable(problem)(text);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
const ImageRef = checked(imageRefProblem);
const ContainerName = checked(containerNameProblem);

// Every action a runbook step can take. Each is data (validated here, shown in a dry run) that one
// runner in electron/core executes. `${…}` variables are resolved per argv item, never into a shell.

const base = {
  /** Unique within the step; defaults to the action's position (1, 2, …). */
  id: Slug.optional(),
  title: Text.optional(),
  /** Give up on the action after this long (the runner cancels what it started). */
  timeout: Duration.optional(),
  /** Automatic attempts after the first failure, before the failure policy applies. */
  retries: z.number().int().min(0).max(20).default(0),
  retryDelay: Duration.default(2000),
};

/** Actions that run on the environment's hosts: all by default, or those named. */
const onHosts = { hosts: HostSelector.default('all') };

export const ShellAction = z.strictObject({
  ...base,
  type: z.literal('shell'),
  argv: Argv,
  cwd: z.string().optional(),
  env: StringMap.optional(),
});

export const ManualAction = z.strictObject({
  ...base,
  type: z.literal('manual'),
  instructions: Text,
});

const GitFetch = z.strictObject({ ...base, type: z.literal('git.fetch'), remote: z.string().default('origin') });
const GitResolve = z.strictObject({ ...base, type: z.literal('git.resolve'), ref: z.string().default('${version}') });
const GitCheckout = z.strictObject({ ...base, type: z.literal('git.checkout'), ref: z.string().default('${version}') });
const GitVerifyClean = z.strictObject({ ...base, type: z.literal('git.verify-clean') });
const GitTag = z.strictObject({
  ...base,
  type: z.literal('git.tag'),
  name: Text,
  message: z.string().optional(),
  push: z.boolean().default(false),
  remote: z.string().default('origin'),
});
const GitLog = z.strictObject({
  ...base,
  type: z.literal('git.log'),
  from: z.string().default('${previous_version}'),
  to: z.string().default('${version}'),
});

const Healthcheck = z.strictObject({
  /** Docker API form: ["CMD", program, args…], ["CMD-SHELL", "one shell command"] or ["NONE"]. */
  test: Argv.superRefine((test, ctx) => {
    const message = healthcheckTestProblem(test);
    if (message) ctx.addIssue({ code: 'custom', message });
  }),
  interval: Duration.default(2000),
  timeout: Duration.default(2000),
  retries: z.number().int().min(1).default(3),
});

const DockerBuild = z.strictObject({
  ...base,
  ...onHosts,
  type: z.literal('docker.build'),
  context: z.string().default('.'),
  dockerfile: z.string().optional(),
  tags: z.array(Scalar.pipe(ImageRef)).min(1, 'name at least one tag, e.g. app:${version}'),
  buildArgs: StringMap.optional(),
});
const DockerTag = z.strictObject({
  ...base,
  ...onHosts,
  type: z.literal('docker.tag'),
  source: ImageRef,
  target: ImageRef,
});
/** Runs the environment's app container (fields default to the environment's `app:`) or another. */
const DockerRun = z.strictObject({
  ...base,
  ...onHosts,
  type: z.literal('docker.run'),
  image: ImageRef.optional(),
  name: ContainerName.optional(),
  ports: z.array(PortMapping).optional(),
  env: StringMap.optional(),
  labels: StringMap.optional(),
  cmd: z.array(Scalar).optional(),
  replace: z.boolean().default(true),
  healthcheck: Healthcheck.optional(),
  network: z.string().optional(),
});
const containerField = { container: ContainerName.optional() };
const DockerWaitHealthy = z.strictObject({
  ...base,
  ...onHosts,
  ...containerField,
  type: z.literal('docker.wait-healthy'),
});
const DockerStop = z.strictObject({ ...base, ...onHosts, ...containerField, type: z.literal('docker.stop') });
const DockerRemove = z.strictObject({ ...base, ...onHosts, ...containerField, type: z.literal('docker.remove') });
const DockerLogs = z.strictObject({
  ...base,
  ...onHosts,
  ...containerField,
  type: z.literal('docker.logs'),
  tail: z.number().int().min(0).default(100),
});
const DockerExec = z.strictObject({
  ...base,
  ...onHosts,
  ...containerField,
  type: z.literal('docker.exec'),
  argv: Argv,
});
const DockerList = z.strictObject({
  ...base,
  ...onHosts,
  type: z.literal('docker.list'),
  label: z.string().optional(),
});
const DockerCompose = z.strictObject({
  ...base,
  type: z.literal('docker.compose'),
  files: z.array(z.string()).optional(),
  projectName: checked(composeProjectProblem).optional(),
  args: Argv,
});

const SshExec = z.strictObject({
  ...base,
  ...onHosts,
  type: z.literal('ssh.exec'),
  argv: Argv,
  cwd: z.string().optional(),
  env: StringMap.optional(),
  /** Hosts worked on at once; defaults to the environment's `concurrency`. */
  concurrency: z.number().int().min(1).optional(),
});
const SshUpload = z.strictObject({
  ...base,
  ...onHosts,
  type: z.literal('ssh.upload'),
  from: Text,
  to: Text,
  mode: z
    .string()
    .regex(/^0?[0-7]{3}$/, 'an octal mode such as "0644"')
    .optional(),
});

export const HttpCheckFields = {
  url: z.string().default('${env.urls.health}'),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']).default('GET'),
  headers: StringMap.optional(),
  body: z.string().optional(),
  expectStatus: z.union([HttpStatus, z.array(HttpStatus).min(1)]).optional(),
  expectBodyContains: z.string().optional(),
  maxLatency: Duration.optional(),
  attempts: z.number().int().min(1).max(100).default(1),
  interval: Duration.default(1000),
};
const HttpCheck = z.strictObject({ ...base, type: z.literal('http.check'), ...HttpCheckFields });

/**
 * Deploys the environment's app by a strategy (the run's, unless this names one), with the
 * environment's proxy, flags and deploy settings; the monitors watch it and may roll it back.
 */
const Deploy = z.strictObject({
  ...base,
  type: z.literal('deploy'),
  strategy: z
    .enum(['blue-green', 'rolling', 'canary', 'feature-flags', 'recreate', 'swarm'], {
      error: 'unknown strategy; use one of: blue-green, rolling, canary, feature-flags, recreate, swarm',
    })
    .optional(),
});

/** The post-deployment watch window: the monitors run, and a rollback rule that fires rolls back. */
const Watch = z.strictObject({
  ...base,
  type: z.literal('watch'),
  /** Default: the environment's monitoring.watch (the workflow: the first hour). */
  duration: Duration.optional(),
});

export const actionTypes = [
  'shell',
  'manual',
  'git.fetch',
  'git.resolve',
  'git.checkout',
  'git.verify-clean',
  'git.tag',
  'git.log',
  'docker.build',
  'docker.tag',
  'docker.run',
  'docker.wait-healthy',
  'docker.stop',
  'docker.remove',
  'docker.logs',
  'docker.exec',
  'docker.list',
  'docker.compose',
  'ssh.exec',
  'ssh.upload',
  'http.check',
  'deploy',
  'watch',
] as const;

export const Action = z.discriminatedUnion(
  'type',
  [
    ShellAction,
    ManualAction,
    GitFetch,
    GitResolve,
    GitCheckout,
    GitVerifyClean,
    GitTag,
    GitLog,
    DockerBuild,
    DockerTag,
    DockerRun,
    DockerWaitHealthy,
    DockerStop,
    DockerRemove,
    DockerLogs,
    DockerExec,
    DockerList,
    DockerCompose,
    SshExec,
    SshUpload,
    HttpCheck,
    Deploy,
    Watch,
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? `unknown action type; use one of: ${actionTypes.join(', ')}` : undefined,
  },
);
export type Action = z.output<typeof Action>;
export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;
