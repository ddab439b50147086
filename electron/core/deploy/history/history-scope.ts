// Whose release history a reader or writer means. One data folder (or one host) can serve several
// projects that each have an environment called `staging`: their histories must never mix, or a
// project that was never deployed plans "rolling back to" another project's version.

export interface HistoryScope {
  /** The name targets know the project by (environments.yml `project:`, else its folder name). */
  project: string;
  /**
   * True when this machine's journal of `runId` is a run of this project. Used only to claim the
   * entries of a history file written before histories were kept per project.
   */
  ownsRun(runId: string): Promise<boolean>;
}

/** A path segment from the project's name: what a folder name may hold that a path must not, replaced. */
export function projectSegment(project: string): string {
  const safe = project.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '');
  return safe === '' ? 'project' : safe;
}
