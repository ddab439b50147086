import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { type LocalCommandOptions, type LocalCommandPlan, planLocalCommand } from './local-command-plan';
import { ShellError } from './shell-error';

export interface LocalRunCallbacks {
  signal?: AbortSignal;
  onStdout?(chunk: string): void;
  onStderr?(chunk: string): void;
  /** Told the process (group) id once it runs, so a crash can be cleaned up after. */
  onSpawn?(pid: number): void;
}

export type RunLocalOptions = LocalCommandOptions & LocalRunCallbacks;

export interface RunLocalResult {
  /** null when the process was ended by a signal that was not ours (then `signal` says which). */
  exitCode: number | null;
  signal?: NodeJS.Signals;
  durationMs: number;
}

/** SIGTERM gives a command the chance to clean up; whatever still runs after this is SIGKILLed. */
export const killGraceMs = 3000;
/**
 * After the command itself exits, how long to wait for its output pipes to close. A background
 * job it left behind can hold them open for ever; we stop reading rather than hang the run.
 */
const pipeDrainMs = 500;

/** Runs a local command without a shell: argv[0] is looked up on PATH, every argument is literal. */
export async function runLocal(options: RunLocalOptions): Promise<RunLocalResult> {
  return runLocalPlan(planLocalCommand(options), options);
}

export async function runLocalPlan(plan: LocalCommandPlan, callbacks: LocalRunCallbacks = {}): Promise<RunLocalResult> {
  const { signal, onStdout, onStderr, onSpawn } = callbacks;
  const program = plan.argv[0]!;
  const where = plan.cwd ?? process.cwd();
  if (signal?.aborted) throw new ShellError('aborted', `${program}: cancelled before it started`, { argv: plan.argv });
  if (plan.cwd !== undefined) await checkCwd(program, plan.cwd);

  const started = performance.now();
  const child = spawn(program, plan.argv.slice(1), {
    cwd: plan.cwd,
    env: { ...process.env, ...plan.env },
    // Its own process group, so a timeout or cancel reaches everything it started, not just itself.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  if (onStdout) child.stdout.on('data', onStdout);
  if (onStderr) child.stderr.on('data', onStderr);
  if (onSpawn && child.pid !== undefined) onSpawn(child.pid);

  return new Promise<RunLocalResult>((resolve, reject) => {
    let stopReason: 'timeout' | 'aborted' | undefined;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    const stopGroup = (reason: 'timeout' | 'aborted') => {
      if (stopReason !== undefined || settled) return;
      stopReason = reason;
      signalGroup(child.pid, 'SIGTERM');
      // Not cleared when the leader exits: a child that ignores SIGTERM must still go.
      const kill = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), killGraceMs);
      kill.unref();
    };
    const onAbort = () => stopGroup('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
    if (plan.timeoutMs !== undefined) timers.push(setTimeout(() => stopGroup('timeout'), plan.timeoutMs));

    const finish = (error?: ShellError) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) return reject(error);
      const durationMs = Math.round(performance.now() - started);
      if (stopReason === 'timeout') {
        return reject(
          new ShellError('timeout', `${program}: timed out after ${plan.timeoutMs} ms; its process group was killed`, {
            argv: plan.argv,
            cwd: where,
            durationMs,
          }),
        );
      }
      if (stopReason === 'aborted') {
        return reject(
          new ShellError('aborted', `${program}: cancelled; its process group was killed`, {
            argv: plan.argv,
            cwd: where,
            durationMs,
          }),
        );
      }
      const result: RunLocalResult = { exitCode: exit?.code ?? null, durationMs };
      if (exit?.signal) result.signal = exit.signal;
      resolve(result);
    };

    child.on('error', (error: NodeJS.ErrnoException) => finish(spawnError(error, program, where, plan.argv)));
    child.on('exit', (code, exitSignal) => {
      exit = { code, signal: exitSignal };
      if (settled) return;
      timers.push(
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish();
        }, pipeDrainMs),
      );
    });
    child.on('close', () => finish());
  });
}

async function checkCwd(program: string, cwd: string): Promise<void> {
  const info = await stat(cwd).catch(() => undefined);
  if (!info?.isDirectory()) {
    const what = info ? 'is not a directory' : 'does not exist';
    throw new ShellError('cwd-not-found', `${program}: working directory ${cwd} ${what}`, { cwd });
  }
}

function spawnError(error: NodeJS.ErrnoException, program: string, cwd: string, argv: string[]): ShellError {
  const details = { argv, cwd, errno: error.code };
  if (error.code === 'ENOENT') {
    const where = program.includes('/') ? `no such file (relative to ${cwd})` : `not found on PATH (cwd ${cwd})`;
    return new ShellError('command-not-found', `command not found: ${program}: ${where}`, details);
  }
  if (error.code === 'EACCES') {
    return new ShellError('not-executable', `${program}: permission denied (not executable; cwd ${cwd})`, details);
  }
  return new ShellError(
    'spawn-failed',
    `${program}: could not start (${error.code ?? error.message}; cwd ${cwd})`,
    details,
  );
}

/**
 * A negative pid addresses the whole group. It may already be gone (ESRCH); nothing else can be
 * done from a timer, and throwing there would take the whole engine down.
 */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has exited already.
  }
}
