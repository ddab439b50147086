import { GitError } from './git-error';
import { assertSafeArgument, type ResolvedRef } from './git-plans';
import { gitQuery } from './git-runner';

/**
 * What a typed ref names, by asking git with exit statuses (for-each-ref lists exact names;
 * `rev-parse --verify --quiet` exits 1 for "no such thing"), never by reading its prose.
 * Order: tag, local branch, remote-tracking branch ("origin/x"), a branch only on the default
 * remote ("x" after a fresh clone), then any commit id or expression (abbreviated sha, HEAD~2).
 */
export async function resolveRef(repo: string, ref: string, defaultRemote = 'origin'): Promise<ResolvedRef> {
  assertSafeArgument(ref, 'ref', repo);
  const candidates: Array<[string, ResolvedRef['kind']]> = [
    [`refs/tags/${ref}`, 'tag'],
    [`refs/heads/${ref}`, 'branch'],
    [`refs/remotes/${ref}`, 'branch'],
    [`refs/remotes/${defaultRemote}/${ref}`, 'branch'],
  ];
  const listed = await gitQuery(repo, ['for-each-ref', '--format=%(refname)', ...candidates.map(([name]) => name)]);
  // for-each-ref matches prefixes too (refs/tags/v1 would list refs/tags/v1/x); keep exact names.
  const names = new Set(listed.stdout.split('\n'));
  const found = candidates.find(([name]) => names.has(name));
  const commit = await peelToCommit(repo, found ? found[0] : ref);
  if (found && commit) return { ref, commit, kind: found[1], fullName: found[0] };
  if (commit) return { ref, commit, kind: 'commit' };
  throw new GitError(
    'unknown-ref',
    `${repo}: unknown ref ${JSON.stringify(ref)} (no tag, branch or commit by that name)`,
    {
      repo,
      ref,
    },
  );
}

/** The commit a revision points at, or undefined when there is none (exit status 1). */
export async function peelToCommit(repo: string, revision: string): Promise<string | undefined> {
  const result = await gitQuery(
    repo,
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`],
    [1, 128],
  );
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

export async function refExists(repo: string, fullName: string): Promise<boolean> {
  const result = await gitQuery(repo, ['show-ref', '--verify', '--quiet', fullName], [1]);
  return result.exitCode === 0;
}

export async function remoteNames(repo: string): Promise<string[]> {
  const result = await gitQuery(repo, ['remote']);
  return result.stdout.split('\n').filter((name) => name !== '');
}

export async function assertRemote(repo: string, remote: string): Promise<void> {
  assertSafeArgument(remote, 'remote', repo);
  const remotes = await remoteNames(repo);
  if (!remotes.includes(remote)) {
    const known = remotes.length === 0 ? 'no remotes at all' : `remotes: ${remotes.join(', ')}`;
    throw new GitError('no-remote', `${repo}: no remote named ${JSON.stringify(remote)} is configured (${known})`, {
      repo,
      remote,
    });
  }
}
