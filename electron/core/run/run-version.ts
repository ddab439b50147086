import { nearestNames } from '../../../shared/formats/nearest-names';
import type { RunEventData } from '../../../shared/runs/run-events';
import { environmentsFileName } from '../formats/load-environments';
import { GitError } from '../git/git-error';
import { remoteNames } from '../git/git-refs';
import { createGitRepo } from '../git/git-repo';
import { InvalidRunInputError, type LoadedRunTarget } from './run-target';

// The version a run, a plan, a dry run or the start dialog's preview is asked for must exist:
// a tag, branch or commit of the project's repository. Checked once, here, by all four, before
// any lock is taken, so "v9" that nobody tagged is refused (exit 2, nearest tags named) instead of
// being deployed and recorded as a successful release. Tags pushed by a colleague since the last
// fetch count: with a remote, its tags are fetched first, and a remote that does not answer is
// said while the local refs still decide. A project whose versions are not git refs (image tags
// from CI) says so in environments.yml (`versions: not-git-refs`) and is not looked up in git.

export type TagsFetched = RunEventData['tags.fetched'];

export interface RunVersion {
  version: string;
  /** The commit the version names; undefined when the project's versions are not git refs. */
  commit?: string;
  /** The project says its versions are not git refs: nothing was looked up. */
  notGitRef?: true;
  /** The tag fetch from the project's remote, when it has one. */
  fetched?: TagsFetched;
}

/** A version that names nothing in the repository: invalid input, with the nearest tags. */
export class UnknownVersionError extends InvalidRunInputError {
  readonly reason = 'unknown-version';
  constructor(
    message: string,
    readonly version: string,
    readonly nearest: string[],
  ) {
    super(message);
    this.name = 'UnknownVersionError';
  }
}

const fetchLimitMs = 30_000;

// A preview is asked again as the operator changes the version or environment in the start
// dialog: one fetch per project a short while is enough there, so a remote that hangs costs its
// time limit once, not on every keystroke. A start always fetches (and journals) anew.
const recentFetches = new Map<string, { at: number; fetched: Promise<TagsFetched | undefined> }>();

function fetchTagsOnce(projectRoot: string, reuseWithinMs: number): Promise<TagsFetched | undefined> {
  const now = Date.now();
  const recent = recentFetches.get(projectRoot);
  if (recent && now - recent.at < reuseWithinMs) return recent.fetched;
  const fetched = fetchTags(projectRoot);
  recentFetches.set(projectRoot, { at: now, fetched });
  return fetched;
}

async function fetchTags(projectRoot: string, signal?: AbortSignal): Promise<TagsFetched | undefined> {
  // Not a repository at all: the look-up that follows says so, with the folder's name.
  const remotes = await remoteNames(projectRoot).catch(() => [] as string[]);
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  if (remote === undefined) return undefined;
  const limit = AbortSignal.timeout(fetchLimitMs);
  try {
    await createGitRepo(projectRoot).fetch({
      remote,
      tags: true,
      signal: signal ? AbortSignal.any([signal, limit]) : limit,
    });
    return { remote, ok: true };
  } catch (error) {
    const why = limit.aborted ? `no answer within ${fetchLimitMs / 1000} s` : (error as Error).message;
    return { remote, ok: false, error: why };
  }
}

function fetchNote(fetched: TagsFetched | undefined): string {
  if (!fetched) return 'the repository has no remote, so only its local refs were searched';
  if (fetched.ok) return `tags were fetched from ${fetched.remote} first`;
  return `${fetched.remote} could not be reached (${fetched.error}), so only local refs were searched`;
}

export async function resolveRunVersion(
  projectRoot: string,
  target: Pick<LoadedRunTarget, 'versions'>,
  version: string,
  options: { signal?: AbortSignal; reuseFetchWithinMs?: number } = {},
): Promise<RunVersion> {
  if (target.versions === 'not-git-refs') return { version, notGitRef: true };
  const repo = createGitRepo(projectRoot);
  let fetched: TagsFetched | undefined;
  try {
    fetched = options.reuseFetchWithinMs
      ? await fetchTagsOnce(projectRoot, options.reuseFetchWithinMs)
      : await fetchTags(projectRoot, options.signal);
    return { version, commit: (await repo.resolve(version)).commit, ...(fetched ? { fetched } : {}) };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (error.code === 'not-a-repo') {
      throw new InvalidRunInputError(
        `${error.message}: version "${version}" cannot be checked. If this project's versions are not git refs (image tags from CI), say so in ${environmentsFileName}: versions: not-git-refs`,
      );
    }
    if (error.code !== 'unknown-ref') throw error;
    const { tags } = await repo.recentRefs({ tags: 10_000, commits: 0 });
    const nearest = nearestNames(
      version,
      tags.map((tag) => tag.name),
    );
    const hint = nearest.length > 0 ? `nearest tags: ${nearest.join(', ')}` : 'the repository has no tags';
    throw new UnknownVersionError(
      `version "${version}" is not a tag, branch or commit of ${projectRoot} (${hint}; ${fetchNote(fetched)})`,
      version,
      nearest,
    );
  }
}
