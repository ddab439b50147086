import { ApiError } from '../../../shared/api/errors';
import type { ProjectVersions } from '../../../shared/api/schemas/runs-ui';
import { GitError } from '../git/git-error';
import { createGitRepo } from '../git/git-repo';

// The versions the start dialog offers: the project repository's tags (newest version first) and
// its recent commits from HEAD. A person may still type anything else a run accepts.

export interface VersionLimits {
  tags?: number;
  commits?: number;
}

export async function projectVersions(root: string, limits: VersionLimits = {}): Promise<ProjectVersions> {
  try {
    const refs = await createGitRepo(root).recentRefs({ tags: limits.tags ?? 50, commits: limits.commits ?? 30 });
    return {
      tags: refs.tags.map(({ name, commit, date }) => ({ name, commit, date })),
      commits: refs.commits.map(({ sha, shortSha, subject, author, date }) => ({
        sha,
        shortSha,
        subject,
        author,
        date,
      })),
    };
  } catch (error) {
    // A project folder that is not a git repository has no versions to offer; say so, and where.
    if (error instanceof GitError && error.code === 'not-a-repo') {
      throw new ApiError(
        'invalid-project',
        `${error.message}: versions are read from the project's git tags and commits`,
        {
          path: root,
        },
      );
    }
    throw error;
  }
}
