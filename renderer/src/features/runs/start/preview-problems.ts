import type { RunPreview } from '../../../../../shared/api/schemas/runs-ui';

// Everything in a preview that would stop the run, in one list, each naming where it is (the
// action or checklist item key, the secret) and what to do.

export interface PreviewProblem {
  where: string;
  message: string;
  /** Stops the run outright (a missing secret, an action that cannot be planned). */
  blocking: boolean;
}

export function previewProblems(preview: RunPreview): PreviewProblem[] {
  const problems: PreviewProblem[] = preview.missingSecrets.map((secret) => ({
    where: `secret ${secret.name}`,
    message: `not set here: ${secret.howToSet}`,
    blocking: true,
  }));
  for (const step of preview.steps) {
    if (step.skipped) continue;
    for (const action of step.actions) {
      if (action.problem) problems.push({ where: action.key, message: action.problem, blocking: true });
    }
    for (const item of step.items) {
      if (item.problem)
        problems.push({
          where: item.key,
          message: `its automatic check cannot be planned: ${item.problem}`,
          blocking: true,
        });
    }
  }
  // The rollback is planned against the release live before; on a first deployment it has none.
  for (const action of preview.rollback) {
    if (action.problem) problems.push({ where: action.key, message: `rollback: ${action.problem}`, blocking: false });
  }
  return problems;
}
