import { type BuildOptions, runBuild, runTag } from './build-image';
import { type ExecOptions, runExec } from './container-exec';
import { type FollowEnd, type FollowLogsOptions, followLogs, recentLogs } from './container-logs';
import {
  type ContainerSummary,
  inspectVersion,
  type ListFilter,
  listContainers,
  runContainerPlan,
  runRemove,
  runStop,
} from './container-ops';
import type { DockerClient } from './docker-client';
import {
  type BuildSpec,
  type ExecSpec,
  planBuild,
  planExec,
  planRemove,
  planRunContainer,
  planStop,
  planTag,
  type RunSpec,
} from './docker-plans';
import { type EngineVersion, engineVersion } from './engine-info';
import type { OnLine } from './output-lines';
import { type HealthResult, type WaitHealthyOptions, waitHealthy } from './wait-healthy';

export interface DockerOps {
  readonly client: DockerClient;
  build(spec: BuildSpec, onOutput: (line: string) => void, options?: BuildOptions): Promise<{ imageId: string }>;
  tag(source: string, target: string): Promise<void>;
  runContainer(spec: RunSpec): Promise<{ id: string; name: string }>;
  waitHealthy(name: string, options: WaitHealthyOptions): Promise<HealthResult>;
  stop(name: string, options?: { timeoutSec?: number }): Promise<void>;
  remove(name: string, options?: { force?: boolean }): Promise<void>;
  list(filter?: ListFilter): Promise<ContainerSummary[]>;
  inspectVersion(name: string): Promise<string | undefined>;
  followLogs(name: string, options: FollowLogsOptions, onLine: OnLine): Promise<FollowEnd>;
  recentLogs(name: string, options: { tail: number }, onLine: OnLine): Promise<void>;
  exec(name: string, argv: string[], options?: ExecSpec & ExecOptions): Promise<{ exitCode: number }>;
  engineVersion(): Promise<EngineVersion>;
}

/**
 * The operations on one Docker target. Each builds its plan (docker-plans.ts, also usable alone for dry
 * runs) and hands it to its runner; every failure (a bad spec included) is a rejected promise.
 */
export function createDockerOps(client: DockerClient): DockerOps {
  return {
    client,
    build: async (spec, onOutput, options) => runBuild(client, planBuild(spec), onOutput, options),
    tag: async (source, target) => runTag(client, planTag(source, target)),
    runContainer: async (spec) => runContainerPlan(client, planRunContainer(spec)),
    waitHealthy: async (name, options) => waitHealthy(client, name, options),
    stop: async (name, options) => runStop(client, planStop(name, options?.timeoutSec)),
    remove: async (name, options) => runRemove(client, planRemove(name, options?.force)),
    list: async (filter) => listContainers(client, filter),
    inspectVersion: async (name) => inspectVersion(client, name),
    followLogs: async (name, options, onLine) => followLogs(client, name, options, onLine),
    recentLogs: async (name, options, onLine) => recentLogs(client, name, options, onLine),
    exec: async (name, argv, options = {}) =>
      runExec(client, planExec(name, argv, { env: options.env, workdir: options.workdir }), {
        signal: options.signal,
        onOutput: options.onOutput,
      }),
    engineVersion: async () => engineVersion(client),
  };
}
