import type { Problem } from '../../../../shared/api/schemas/common';
import { problemLocation } from '../../lib/format-problem';
import { AlertTriangle, CircleAlert } from '../../ui/icons';

/**
 * The problems of the text, each a button that puts the caret on its line and column: the
 * fastest way from "what is wrong" to fixing it, by mouse or keyboard.
 */
export function EditorProblems({
  problems,
  onGo,
  label,
}: {
  problems: readonly Problem[];
  onGo: (line: number, column?: number) => void;
  label: string;
}) {
  if (problems.length === 0) return null;
  return (
    <ul className="editor-problems" aria-label={label}>
      {problems.map((problem, index) => {
        const Icon = problem.severity === 'error' ? CircleAlert : AlertTriangle;
        const where = problemLocation(problem);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rebuilt whole from each answer, never reordered
          <li key={index} className={`editor-problem editor-problem-${problem.severity}`}>
            <Icon size={14} role="img" aria-label={problem.severity === 'error' ? 'Error' : 'Warning'} />
            {problem.line !== undefined ? (
              <button
                type="button"
                className="editor-problem-go"
                title={`Put the caret at line ${problem.line}, column ${problem.column ?? 1}`}
                onClick={() => onGo(problem.line!, problem.column)}
              >
                <code>{where}</code>
              </button>
            ) : (
              <code>{where}</code>
            )}
            <span> — {problem.message}</span>
          </li>
        );
      })}
    </ul>
  );
}
