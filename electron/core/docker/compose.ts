import { spawn } from 'node:child_process';
import { composeProjectProblem } from '../../../shared/formats/docker-fields';
import { lineSplitter } from '../lib/line-splitter';
import { displayArgv } from './display-argv';
import { DockerError, DockerPlanError } from './docker-errors';
import type { OnLine } from './output-lines';

/** The compose command this machine has: the `docker compose` plugin, or the standalone `docker-compose`. */
export type ComposeCommand = readonly string[];

export const composeCandidates: readonly ComposeCommand[] = [['docker', 'compose'], ['docker-compose']];

export interface ComposeSpec {
  files?: string[];
  projectName?: string;
  projectDir?: string;
  /** The compose subcommand and its flags, e.g. ['up', '-d', '--wait']. */
  args: string[];
}

export interface ComposePlan {
  argv: string[];
  /** Where to run it (the project directory), when given. */
  cwd?: string;
  summary: string;
}

/** Pure: the argv for one compose call with a known compose command. */
export function planCompose(spec: ComposeSpec, command: ComposeCommand): ComposePlan {
  if (spec.args.length === 0) throw new DockerPlanError('args', 'no compose subcommand given (e.g. ["up", "-d"])');
  const badProject = spec.projectName === undefined ? undefined : composeProjectProblem(spec.projectName);
  if (badProject) throw new DockerPlanError('projectName', badProject);
  const argv = [...command];
  for (const file of spec.files ?? []) argv.push('-f', file);
  if (spec.projectName) argv.push('-p', spec.projectName);
  if (spec.projectDir) argv.push('--project-directory', spec.projectDir);
  argv.push(...spec.args);
  return { argv, ...(spec.projectDir ? { cwd: spec.projectDir } : {}), summary: displayArgv(argv) };
}

let detected: Promise<ComposeCommand> | undefined;

/**
 * Finds which compose works here, once per process (`{ refresh: true }` asks again, e.g. after the user
 * installs one). A candidate works when `<candidate> version` exits 0.
 */
export function detectComposeCommand(
  options: { candidates?: readonly ComposeCommand[]; refresh?: boolean } = {},
): Promise<ComposeCommand> {
  const custom = options.candidates !== undefined;
  if (detected && !options.refresh && !custom) return detected;
  const candidates = options.candidates ?? composeCandidates;
  const search = (async () => {
    for (const candidate of candidates) {
      const { exitCode } = await spawnLines([...candidate, 'version'], {}).catch(() => ({ exitCode: -1 }));
      if (exitCode === 0) return candidate;
    }
    const tried = candidates.map((c) => `\`${c.join(' ')} version\``).join(' and ');
    throw new DockerError(
      'compose-unavailable',
      `Docker Compose not found on this machine: ${tried} both failed. Install the compose plugin (\`apt-get install docker-compose-plugin\`) or docker-compose.`,
      { target: 'this machine' },
    );
  })();
  if (!custom) {
    detected = search;
    // A failed detection is not cached: installing compose should not need an app restart.
    search.catch(() => {
      if (detected === search) detected = undefined;
    });
  }
  return search;
}

/** planCompose with the detected command. */
export async function planComposeDetected(spec: ComposeSpec): Promise<ComposePlan> {
  return planCompose(spec, await detectComposeCommand());
}

/** Runs the plan's argv without a shell, streams its output, resolves with the exit code (non-zero is a result). */
export async function runCompose(
  plan: ComposePlan,
  options: { onOutput?: OnLine; signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {},
): Promise<{ exitCode: number }> {
  try {
    return await spawnLines(plan.argv, { cwd: plan.cwd, ...options });
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    if (errno === 'ABORT_ERR') {
      throw new DockerError('cancelled', `Cancelled: ${plan.summary}`, { target: 'this machine', cause: error });
    }
    const where = plan.cwd ? ` in ${plan.cwd}` : '';
    throw new DockerError('compose-unavailable', `Cannot run ${plan.summary}${where}: ${(error as Error).message}`, {
      target: 'this machine',
      cause: error,
    });
  }
}

function spawnLines(
  argv: string[],
  options: { cwd?: string; onOutput?: OnLine; signal?: AbortSignal; env?: NodeJS.ProcessEnv },
): Promise<{ exitCode: number }> {
  return new Promise((resolve, reject) => {
    const [command, ...args] = argv;
    if (!command) return reject(new Error('empty argv'));
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      signal: options.signal,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onOutput = options.onOutput ?? (() => undefined);
    const out = lineSplitter((line) => onOutput('stdout', line));
    const err = lineSplitter((line) => onOutput('stderr', line));
    child.stdout.on('data', out);
    child.stderr.on('data', err);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      out.flush();
      err.flush();
      if (options.signal?.aborted) return; // 'error' with ABORT_ERR already rejected
      resolve({ exitCode: code ?? (signal ? 128 : 1) });
    });
  });
}
