import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { suggestionsFrom, type VersionSuggestion } from './version-suggestions';

// The versions the plan form suggests. Only a suggestion: when the host cannot list them (no git,
// an older host) the field stays free text and nothing is shown.

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
