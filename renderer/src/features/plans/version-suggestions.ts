import type { ProjectVersions } from '../../../../shared/api/schemas/runs-ui';

// Versions to suggest in the plan form: the repository's tags, then recent commits, each with a
// label to recognise it by. Pure, so it is tested without a host.

export interface VersionSuggestion {
  value: string;
  label: string;
}

export function suggestionsFrom(versions: ProjectVersions, commitLimit = 10): VersionSuggestion[] {
  const tags = versions.tags.map((tag) => ({ value: tag.name, label: `tag · ${tag.commit.slice(0, 7)}` }));
  const commits = versions.commits
    .slice(0, commitLimit)
    .map((commit) => ({ value: commit.shortSha, label: `${commit.subject} (${commit.author})` }));
  return [...tags, ...commits];
}
