import { GitPluginError, type SimpleGit, GitError as SimpleGitError, simpleGit } from 'simple-git';
import { lineSplitter } from '../lib/line-splitter';
import { GitError } from './git-error';
import type { GitCommandPlan } from './git-plans';

export interface GitRunOptions {
  signal?: AbortSignal;
  /** Each line git writes, as it comes: for the live log of an action. */
  onOutput?(line: string, stream: 'stdout' | 'stderr'): void;
  /** Exit statuses that are answers rather than failures (e.g. 1 from `rev-parse --verify --quiet`). */
  okExitCodes?: number[];
}

export interface GitRunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Carries the exit status out of simple-git, which on its own decides by the presence of stderr
 * and keeps only text. It extends simple-git's error class so simple-git passes it through as is.
 */
class GitExit extends SimpleGitError {
  constructor(
    readonly exitCode: number,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(undefined, `git exited with ${exitCode}`);
  }
}

/**
 * simple-git refuses a task whose explicit environment carries a variable that can make git run
 * another program (GIT_*, EDITOR, PAGER …); ambient ones it strips. The same set is left out here
 * so git sees what simple-git would give it, plus the one variable we need.
 */
const guardedNames = new Set(['EDITOR', 'VISUAL', 'PAGER', 'PREFIX', 'SSH_ASKPASS']);

/** Git must never wait for a password on a terminal nobody is watching: it fails instead. */
function gitEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const upper = name.toUpperCase();
    if (value !== undefined && !upper.startsWith('GIT_') && !guardedNames.has(upper)) env[name] = value;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  return env;
}

function client(plan: GitCommandPlan, options: GitRunOptions): SimpleGit {
  const git = simpleGit({
    baseDir: plan.cwd,
    abort: options.signal,
    allowEnvironment: ['GIT_TERMINAL_PROMPT'],
    errors: (error, result) => {
      // Plugin errors (abort, simple-git's own argument guard) say more than the exit status.
      if (error instanceof GitPluginError || result.exitCode === 0) return error;
      return new GitExit(
        result.exitCode,
        Buffer.concat(result.stdOut).toString('utf8'),
        Buffer.concat(result.stdErr).toString('utf8'),
      );
    },
  }).env(gitEnvironment());
  const { onOutput } = options;
  if (onOutput) {
    git.outputHandler((_command, stdout, stderr) => {
      const out = lineSplitter((line) => onOutput(line, 'stdout'));
      const err = lineSplitter((line) => onOutput(line, 'stderr'));
      stdout.on('data', out);
      stdout.on('end', () => out.flush());
      stderr.on('data', err);
      stderr.on('end', () => err.flush());
    });
  }
  return git;
}

/** Runs one plan; a non-zero exit not listed in okExitCodes becomes a GitError with git's words. */
export async function runGit(plan: GitCommandPlan, options: GitRunOptions = {}): Promise<GitRunResult> {
  const ok = options.okExitCodes ?? [0];
  if (options.signal?.aborted) throw aborted(plan);
  try {
    const stdout = await client(plan, options).raw(plan.args);
    return { exitCode: 0, stdout, stderr: '' };
  } catch (error) {
    if (options.signal?.aborted) throw aborted(plan);
    if (error instanceof GitExit && error.exitCode < 0) {
      // A negative status is Node's errno for a process that never started: -2 is ENOENT.
      if (error.exitCode === -2) {
        throw new GitError('git-not-found', `git is not installed (or not on PATH); needed for ${plan.cwd}`, {
          repo: plan.cwd,
        });
      }
      throw new GitError('git-failed', `${plan.cwd}: git could not start (errno ${error.exitCode})`, {
        repo: plan.cwd,
      });
    }
    if (error instanceof GitExit) {
      if (ok.includes(error.exitCode)) return { exitCode: error.exitCode, stdout: error.stdout, stderr: error.stderr };
      throw new GitError(
        'git-failed',
        `${plan.cwd}: git ${plan.args[0]} failed (exit ${error.exitCode}): ${gitSays(error.stderr)}`,
        { repo: plan.cwd, args: plan.args, exitCode: error.exitCode, stderr: error.stderr, stdout: error.stdout },
      );
    }
    throw new GitError('git-failed', `${plan.cwd}: git ${plan.args[0]} could not run: ${(error as Error).message}`, {
      repo: plan.cwd,
      args: plan.args,
    });
  }
}

/** Git's own explanation, shortened to what fits a message; the full text stays in details. */
export function gitSays(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('hint:'));
  const text = lines.slice(0, 3).join(' / ');
  return text === '' ? 'no message from git' : text;
}

/** A query: runs a command that is not a user-visible action, with the same guarantees. */
export function gitQuery(cwd: string, args: string[], okExitCodes?: number[]): Promise<GitRunResult> {
  return runGit({ kind: 'git', cwd, args, summary: args[0] ?? 'git' }, { okExitCodes });
}

function aborted(plan: GitCommandPlan): GitError {
  return new GitError('aborted', `${plan.cwd}: git ${plan.args[0]} cancelled`, { repo: plan.cwd, args: plan.args });
}
