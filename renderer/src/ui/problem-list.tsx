import { useState } from 'react';
import type { Problem } from '../../../shared/api/schemas/common';
import { problemLocation } from '../lib/format-problem';
import { AlertTriangle, CircleAlert } from './icons';
import './problem-list.css';

/**
 * Problems found in a project's files, one per line as `file:line:column — message`: the form a
 * person can paste into an editor's "go to file" to land on the spot.
 */
export function ProblemList({
  problems,
  label = 'Problems',
  limit,
}: {
  problems: readonly Problem[];
  label?: string;
  /** Show this many and a "show all" button: a summary card must not grow without bound. */
  limit?: number;
}) {
  const [expanded, setExpanded] = useState(false);
  if (problems.length === 0) return null;
  const hidden = !expanded && limit !== undefined ? Math.max(problems.length - limit, 0) : 0;
  const shown = hidden ? problems.slice(0, limit) : problems;
  return (
    <ul className="problems" aria-label={label}>
      {shown.map((problem, index) => {
        const Icon = problem.severity === 'error' ? CircleAlert : AlertTriangle;
        return (
          // Two problems can be identical text (same file, same message); the index keeps them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered
          <li key={index} className={`problem problem-${problem.severity}`}>
            {/* The severity is the icon's accessible name, so the text stays exactly `file:line:column — message`. */}
            <Icon
              size={14}
              role="img"
              aria-label={problem.severity === 'error' ? 'Error' : 'Warning'}
              className="problem-icon"
            />
            <span className="problem-text">
              <code className="problem-location">{problemLocation(problem)}</code> — {problem.message}
            </span>
          </li>
        );
      })}
      {hidden ? (
        <li className="problem-more">
          <button type="button" className="link-button" onClick={() => setExpanded(true)}>
            Show {hidden} more
          </button>
        </li>
      ) : null}
    </ul>
  );
}
