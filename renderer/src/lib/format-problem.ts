import type { Problem } from '../../../shared/api/schemas/common';

/**
 * `file:line:column`, the form editors and terminals turn into a jump-to link. Line and column are
 * left off when the host could not place the problem (a missing file has no line).
 */
export function problemLocation(problem: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (problem.line === undefined) return problem.file;
  if (problem.column === undefined) return `${problem.file}:${problem.line}`;
  return `${problem.file}:${problem.line}:${problem.column}`;
}

/** One line per problem, as the CLI prints it: `file:line:column — message`. */
export function formatProblem(problem: Pick<Problem, 'file' | 'line' | 'column' | 'message'>): string {
  return `${problemLocation(problem)} — ${problem.message}`;
}

/** `1 problem`, `3 problems`. */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
