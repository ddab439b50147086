import { stat } from 'node:fs/promises';
import { GitError } from './git-error';
import {
  type CommitInfo,
  logFormat,
  parseLog,
  parsePushPorcelain,
  parseStatusZ,
  parseTagRefs,
  type TagInfo,
  tagRefFormat,
} from './git-parse';
import {
  assertSafeArgument,
  type GitCommandPlan,
  planCheckout,
  planCreateTag,
  planFetch,
  planPushTag,
  type ResolvedRef,
} from './git-plans';
import { assertRemote, peelToCommit, refExists, resolveRef } from './git-refs';
import { gitQuery, gitSays, runGit } from './git-runner';
import { sortTagsNewestFirst } from './version-order';

export type OutputHandler = (line: string, stream: 'stdout' | 'stderr') => void;

export interface ActionOptions {
  signal?: AbortSignal;
  onOutput?: OutputHandler;
}

export interface GitRepo {
  readonly dir: string;
  fetch(options?: { remote?: string; tags?: boolean } & ActionOptions): Promise<void>;
  resolve(ref: string): Promise<ResolvedRef>;
  checkout(ref: string, options?: ActionOptions): Promise<ResolvedRef>;
  isClean(): Promise<{ clean: boolean; changes: string[] }>;
  verifyClean(): Promise<void>;
  createTag(name: string, options?: { message?: string; commit?: string } & ActionOptions): Promise<ResolvedRef>;
  pushTag(name: string, remote?: string, options?: ActionOptions): Promise<void>;
  commitsBetween(from: string | undefined, to: string): Promise<CommitInfo[]>;
  recentRefs(options?: { tags?: number; commits?: number }): Promise<{ tags: TagInfo[]; commits: CommitInfo[] }>;
  currentCommit(): Promise<string>;
  /** The plans the actions above would run, for a dry run; nothing is executed but ref lookups. */
  plan: {
    fetch(options?: { remote?: string; tags?: boolean }): GitCommandPlan;
    checkout(ref: string): Promise<GitCommandPlan>;
    createTag(name: string, options?: { message?: string; commit?: string }): Promise<GitCommandPlan>;
    pushTag(name: string, remote?: string): GitCommandPlan;
  };
}

const dirtyListLimit = 10;
const defaultLogLimit = 50;

/**
 * A git working tree at `dir`. Queries and actions go through simple-git as argv arrays; user
 * input (refs, tag and remote names) is checked so it can never be read as an option.
 */
export function createGitRepo(dir: string, defaults: { onOutput?: OutputHandler } = {}): GitRepo {
  let checked: Promise<void> | undefined;
  // Checked on first use, so a missing folder or a non-repo is named before git's own words; a
  // failure is not remembered, so a folder cloned or initialised afterwards works.
  const ready = () => {
    checked ??= assertWorkTree(dir).catch((error: unknown) => {
      checked = undefined;
      throw error;
    });
    return checked;
  };
  const act = async (plan: GitCommandPlan, options: ActionOptions = {}) =>
    runGit(plan, { signal: options.signal, onOutput: options.onOutput ?? defaults.onOutput });

  const resolve = async (ref: string) => {
    await ready();
    return resolveRef(dir, ref);
  };
  const planTag = async (name: string, options: { message?: string; commit?: string } = {}) => {
    await ready();
    assertSafeArgument(name, 'tag', dir);
    const valid = await gitQuery(dir, ['check-ref-format', `refs/tags/${name}`], [1]);
    if (valid.exitCode !== 0) {
      throw new GitError('invalid-ref', `${dir}: ${JSON.stringify(name)} is not a valid tag name`, {
        repo: dir,
        tag: name,
      });
    }
    const target = await resolve(options.commit ?? 'HEAD');
    return planCreateTag(dir, name, target.commit, options.message);
  };
  const isClean = async () => {
    await ready();
    const status = await gitQuery(dir, ['status', '--porcelain=v1', '-z']);
    const changes = parseStatusZ(status.stdout);
    return { clean: changes.length === 0, changes };
  };

  return {
    dir,
    plan: {
      fetch: (options) => planFetch(dir, options),
      checkout: async (ref) => planCheckout(dir, await resolve(ref)),
      createTag: planTag,
      pushTag: (name, remote) => planPushTag(dir, name, remote),
    },

    async fetch(options = {}) {
      await ready();
      const plan = planFetch(dir, options);
      await assertRemote(dir, plan.args.at(-1)!);
      await act(plan, options).catch((error: unknown) => {
        throw describeFailure(error, `fetch from ${plan.args.at(-1)} failed`);
      });
    },

    resolve,

    async checkout(ref, options) {
      const target = await resolve(ref);
      await act(planCheckout(dir, target), options).catch((error: unknown) => {
        throw describeFailure(error, `checkout of ${JSON.stringify(ref)} failed`);
      });
      return target;
    },

    isClean,

    async verifyClean() {
      const { clean, changes } = await isClean();
      if (clean) return;
      const shown = changes.slice(0, dirtyListLimit).join(', ');
      const more = changes.length > dirtyListLimit ? ` and ${changes.length - dirtyListLimit} more` : '';
      throw new GitError(
        'dirty-tree',
        `${dir}: working tree has uncommitted changes (${changes.length}): ${shown}${more}`,
        { repo: dir, changes: changes.slice(0, dirtyListLimit), count: changes.length },
      );
    },

    async createTag(name, options = {}) {
      const plan = await planTag(name, options);
      if (await refExists(dir, `refs/tags/${name}`)) {
        const existing = await peelToCommit(dir, `refs/tags/${name}`);
        throw new GitError('tag-exists', `${dir}: tag ${name} already exists (at ${existing?.slice(0, 12)})`, {
          repo: dir,
          tag: name,
          commit: existing,
        });
      }
      await act(plan, options).catch((error: unknown) => {
        throw describeFailure(error, `creating tag ${name} failed`);
      });
      return resolveRef(dir, name);
    },

    async pushTag(name, remote = 'origin', options = {}) {
      await ready();
      const plan = planPushTag(dir, name, remote);
      if (!(await refExists(dir, `refs/tags/${name}`))) {
        throw new GitError('unknown-ref', `${dir}: no local tag ${name} to push`, { repo: dir, ref: name });
      }
      await assertRemote(dir, remote);
      await act(plan, options).catch((error: unknown) => {
        const stdout = error instanceof GitError ? String(error.details.stdout ?? '') : '';
        const rejected = parsePushPorcelain(stdout).find((ref) => ref.flag === '!');
        if (rejected) {
          throw new GitError('push-rejected', `${dir}: ${remote} rejected tag ${name}: ${rejected.summary}`, {
            repo: dir,
            remote,
            tag: name,
            summary: rejected.summary,
          });
        }
        throw describeFailure(error, `pushing tag ${name} to ${remote} failed`);
      });
    },

    async commitsBetween(from, to) {
      const end = await resolve(to);
      if (from === undefined) {
        const log = await gitQuery(dir, ['log', `--max-count=${defaultLogLimit}`, logFormat, end.commit]);
        return parseLog(log.stdout);
      }
      const start = await resolve(from);
      const log = await gitQuery(dir, ['log', logFormat, `${start.commit}..${end.commit}`]);
      return parseLog(log.stdout);
    },

    async recentRefs(options = {}) {
      await ready();
      const tagRefs = await gitQuery(dir, ['for-each-ref', tagRefFormat, 'refs/tags']);
      const tags = sortTagsNewestFirst(parseTagRefs(tagRefs.stdout)).slice(0, options.tags ?? 20);
      const head = await peelToCommit(dir, 'HEAD');
      if (head === undefined) return { tags, commits: [] };
      const log = await gitQuery(dir, ['log', `--max-count=${options.commits ?? 20}`, logFormat, head]);
      return { tags, commits: parseLog(log.stdout) };
    },

    async currentCommit() {
      await ready();
      const head = await peelToCommit(dir, 'HEAD');
      if (head === undefined)
        throw new GitError('no-commits', `${dir}: the repository has no commits yet`, { repo: dir });
      return head;
    },
  };
}

async function assertWorkTree(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new GitError('not-a-repo', `${dir}: ${info ? 'is not a folder' : 'folder does not exist'}`, { repo: dir });
  }
  const result = await gitQuery(dir, ['rev-parse', '--is-inside-work-tree'], [128]);
  if (result.exitCode !== 0 || result.stdout.trim() !== 'true') {
    const why =
      result.exitCode === 0 ? 'not a working tree (a bare repository or a .git folder)' : gitSays(result.stderr);
    throw new GitError('not-a-repo', `${dir}: not a git repository (${why})`, { repo: dir });
  }
}

/** Keeps git's words and its code, but says first which action it was and for which repo. */
function describeFailure(error: unknown, what: string): unknown {
  if (!(error instanceof GitError) || error.code !== 'git-failed') return error;
  const repo = String(error.details.repo);
  return new GitError('git-failed', `${repo}: ${what}: ${gitSays(String(error.details.stderr ?? ''))}`, error.details);
}
