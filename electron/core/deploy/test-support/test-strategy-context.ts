import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import { createDockerClient } from '../../docker/docker-client';
import { createDockerOps, type DockerOps } from '../../docker/docker-ops';
import type { OutputStream, ToolIO } from '../../run/run-tools';
import type { SshConnection } from '../../ssh/ssh-connection';
import type { FlagSwitch, StageState, StrategyContext, TrafficSwitch } from '../deploy-strategy';

// A StrategyContext for strategy tests, built without the engine: it records what a strategy
// journals (stages, switches, cutovers, output) so a test can assert it, and talks to the real
// Docker engine and real SSH connections it is given. Any strategy's tests may use it.

export interface RecordedStage {
  stage: string;
  state: StageState;
  detail?: string;
  at: number;
}

export interface RecordedSwitch {
  where: string;
  weights: Record<string, number>;
  at: number;
}

export interface TestStrategyContext extends StrategyContext {
  stages: RecordedStage[];
  switches: RecordedSwitch[];
  cutovers: ('during' | 'after')[];
  analyses: { ms: number; label: string }[];
  output: { host: string | undefined; stream: OutputStream; line: string }[];
  /** Cancels whatever the strategy is running (its io.signal). */
  abort(): void;
}

export interface TestStrategyContextOptions {
  environment: NamedEnvironment;
  version: string;
  runId?: string;
  previousVersion?: string;
  traffic?: TrafficSwitch;
  flags?: FlagSwitch;
  /** Docker per host name; default: this machine's engine for every host. */
  docker?: (host: string) => Promise<DockerOps>;
  connection?: (host: string) => Promise<SshConnection>;
  /** The analysis window; default: just waits `ms` (no monitors in a strategy test). */
  analyse?: (ms: number, label: string) => Promise<void>;
  /** Image of a version; default: the environment's app.image with the version as tag. */
  imageOf?: (version: string) => string;
  /** Echo output lines to the console (debugging a test). */
  echo?: boolean;
}

export function testStrategyContext(options: TestStrategyContextOptions): TestStrategyContext {
  const controller = new AbortController();
  const stages: RecordedStage[] = [];
  const switches: RecordedSwitch[] = [];
  const cutovers: ('during' | 'after')[] = [];
  const analyses: { ms: number; label: string }[] = [];
  const output: TestStrategyContext['output'] = [];
  const io: ToolIO = {
    signal: controller.signal,
    output(host, stream, line) {
      output.push({ host, stream, line });
      if (options.echo) console.log(`[${host ?? 'local'} ${stream}] ${line}`);
    },
  };
  let localDocker: DockerOps | undefined;
  const defaultDocker = async () => {
    localDocker ??= createDockerOps(createDockerClient({ via: 'local', socket: '/var/run/docker.sock' }));
    return localDocker;
  };
  return {
    environment: options.environment,
    runId: options.runId ?? `test-run-${Date.now().toString(36)}`,
    version: options.version,
    previousVersion: options.previousVersion,
    imageOf: options.imageOf ?? ((version) => `${options.environment.app?.image ?? 'app'}:${version}`),
    docker: options.docker ?? defaultDocker,
    connection:
      options.connection ??
      (async (host) => {
        throw new Error(`test context: no SSH connection for host "${host}" was given`);
      }),
    traffic: options.traffic,
    flags: options.flags,
    async stage(stage, state, detail) {
      stages.push({ stage, state, detail, at: performance.now() });
    },
    async switched(where, weights) {
      switches.push({ where, weights: { ...weights }, at: performance.now() });
    },
    async analyse(ms, label) {
      analyses.push({ ms, label });
      if (options.analyse) return options.analyse(ms, label);
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    cutover(phase) {
      cutovers.push(phase);
    },
    io,
    stages,
    switches,
    cutovers,
    analyses,
    output,
    abort: () => controller.abort(),
  };
}
