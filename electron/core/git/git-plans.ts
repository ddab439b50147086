import { GitError } from './git-error';

/** One git invocation as plain data: a dry run prints it, a unit test asserts it. */
export interface GitCommandPlan {
  kind: 'git';
  /** The repository folder the command runs in. */
  cwd: string;
  /** Arguments after `git`; never joined into a shell string. */
  args: string[];
  /** What it does, in words, for the run log. */
  summary: string;
}

export interface ResolvedRef {
  /** As the user wrote it. */
  ref: string;
  /** Full 40-hex commit id. */
  commit: string;
  kind: 'tag' | 'branch' | 'commit';
  /** refs/tags/…, refs/heads/…, refs/remotes/…; absent for a bare commit id or expression. */
  fullName?: string;
}

/** NUL, newline, escape …: no ref or remote name has them, and they could hide text in logs. */
function hasControlCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * A ref or remote the user typed reaches git as an argument. One that starts with "-" would be
 * read as an option (`--upload-pack=…` runs a program), so it is refused before git ever sees it,
 * whatever the command and whether or not it supports --end-of-options.
 */
export function assertSafeArgument(value: string, what: 'ref' | 'remote' | 'tag', repo: string): void {
  if (typeof value !== 'string' || value.trim() === '' || value.startsWith('-') || hasControlCharacter(value)) {
    throw new GitError('invalid-ref', `${repo}: ${JSON.stringify(value)} is not a valid ${what} name`, {
      repo,
      [what]: value,
    });
  }
}

export function planFetch(repo: string, options: { remote?: string; tags?: boolean } = {}): GitCommandPlan {
  const remote = options.remote ?? 'origin';
  const tags = options.tags ?? true;
  assertSafeArgument(remote, 'remote', repo);
  const args = ['fetch', ...(tags ? ['--tags'] : []), '--end-of-options', remote];
  return { kind: 'git', cwd: repo, args, summary: `fetch ${tags ? 'commits and tags' : 'commits'} from ${remote}` };
}

/** A local branch is checked out as itself; anything else detached at its commit. */
export function planCheckout(repo: string, target: ResolvedRef): GitCommandPlan {
  assertCommitId(target.commit, repo);
  if (target.kind === 'branch' && target.fullName?.startsWith('refs/heads/')) {
    const branch = target.fullName.slice('refs/heads/'.length);
    assertSafeArgument(branch, 'ref', repo);
    // The trailing "--" makes git read the name as a branch, never as a file to restore.
    return {
      kind: 'git',
      cwd: repo,
      args: ['checkout', '--quiet', branch, '--'],
      summary: `check out branch ${branch}`,
    };
  }
  return {
    kind: 'git',
    cwd: repo,
    args: ['checkout', '--quiet', '--detach', target.commit],
    summary: `check out ${target.kind} ${target.ref} (${target.commit.slice(0, 12)}, detached)`,
  };
}

export function planCreateTag(repo: string, name: string, commit: string, message?: string): GitCommandPlan {
  assertSafeArgument(name, 'tag', repo);
  assertCommitId(commit, repo);
  const annotate = message === undefined ? [] : ['-a', '-m', message];
  return {
    kind: 'git',
    cwd: repo,
    args: ['tag', ...annotate, '--end-of-options', name, commit],
    summary: `${message === undefined ? 'create lightweight tag' : 'create annotated tag'} ${name} at ${commit.slice(0, 12)}`,
  };
}

export function planPushTag(repo: string, name: string, remote = 'origin'): GitCommandPlan {
  assertSafeArgument(name, 'tag', repo);
  assertSafeArgument(remote, 'remote', repo);
  const refspec = `refs/tags/${name}:refs/tags/${name}`;
  // --porcelain: the outcome per ref comes back in a documented format, not prose to guess at.
  return {
    kind: 'git',
    cwd: repo,
    args: ['push', '--porcelain', '--end-of-options', remote, refspec],
    summary: `push tag ${name} to ${remote}`,
  };
}

/** `git -C '<repo>' fetch …`, quoted for reading (each argument stays one argument). */
export function describeGitPlan(plan: GitCommandPlan): string {
  const quote = (arg: string) => (/^[\w@%+=:,./^~{}-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);
  return ['git', '-C', plan.cwd, ...plan.args].map(quote).join(' ');
}

function assertCommitId(commit: string, repo: string): void {
  // SHA-1 repositories have 40 hex digits, SHA-256 ones 64.
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(commit)) {
    throw new GitError('invalid-ref', `${repo}: ${JSON.stringify(commit)} is not a full commit id`, { repo, commit });
  }
}
