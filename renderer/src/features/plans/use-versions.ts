import { useEffect, useState } from 'react';
import type { ProjectVersions } from '../../../../shared/api/schemas/runs-ui';
import { api } from '../../api/client';

// Versions to suggest in the plan form: the repository's tags, then recent commits. Only a
// suggestion: when the host cannot list them (no git, an old host) the field stays free text.

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

export function useVersionSuggestions(projectId: string): VersionSuggestion[] {
  const [suggestions, setSuggestions] = useState<VersionSuggestion[]>([]);
  useEffect(() => {
    let current = true;
    api.projects
      .versions({ projectId })
      .then((versions) => {
        if (current) setSuggestions(suggestionsFrom(versions));
      })
      .catch(() => {
        if (current) setSuggestions([]);
      });
    return () => {
      current = false;
    };
  }, [projectId]);
  return suggestions;
}
