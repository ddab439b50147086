import { hrefFor } from '../../app/routes';

// The review of one runbook lives under the Runbooks screen, so the sidebar keeps Runbooks
// highlighted: `#/runbooks/<project-id>/<runbook-id>/review`. The project is in the address so a
// reload (or a second window) opens the same review whichever project is selected.

export interface ReviewTarget {
  projectId: string;
  runbookId: string;
}

export function reviewHref(target: ReviewTarget): string {
  return hrefFor('runbooks', target.projectId, target.runbookId, 'review');
}

/** The review a Runbooks route asks for, or undefined for the plain list. */
export function reviewTargetOf(params: readonly string[]): ReviewTarget | undefined {
  const [projectId, runbookId, view] = params;
  if (view !== 'review' || !projectId || !runbookId || params.length !== 3) return undefined;
  return { projectId, runbookId };
}
