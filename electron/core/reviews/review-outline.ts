import { basename } from 'node:path';
import type { OutlineChecklist, OutlineItem, ReviewOutline } from '../../../shared/api/schemas/review';
import type { AutomaticCheck, Checklist, ChecklistItem } from '../../../shared/formats/checklist-schema';
import { itemKey } from '../../../shared/formats/runbook-schema';
import { exitStepId } from '../../../shared/runs/planned-steps';
import { rollbackStepId } from '../../../shared/runs/run-state';
import { loadProject } from '../formats/load-project';
import { ReviewError } from './review-error';

// A runbook's checklists for the offline review, read from the project's files only: nothing
// here resolves secrets or reaches a host, so it works on a train. Item keys are the ones a run
// uses (`<step>.<item>`, `@exit.<item>`), so what is pre-ticked here is the same item in the run.

function describeCheck(check: AutomaticCheck): string {
  switch (check.type) {
    case 'command':
      return `runs ${check.argv.map(String).join(' ')}`;
    case 'coverage':
      return `${check.metric} coverage at least ${check.min} % in ${check.file}`;
    case 'http':
      return `${check.method} ${check.url}`;
  }
}

function outlineItem(stepId: string, item: ChecklistItem): OutlineItem {
  return {
    key: itemKey(stepId, item.id),
    id: item.id,
    text: item.text,
    before: item.before,
    ...(item.check ? { check: describeCheck(item.check) } : {}),
  };
}

function outlineLists(stepId: string, lists: readonly Checklist[]): OutlineChecklist[] {
  return lists.map((list) => ({
    title: list.title,
    ...(list.gate !== undefined ? { gate: list.gate } : {}),
    items: list.items.map((item) => outlineItem(stepId, item)),
  }));
}

export async function loadReviewOutline(root: string, projectId: string, runbookId: string): Promise<ReviewOutline> {
  const project = await loadProject(root);
  const loaded = project.runbooks.find((runbook) => runbook.id === runbookId);
  if (!loaded) {
    const known = project.runbooks.map((runbook) => runbook.id).join(', ') || 'none';
    throw new ReviewError('not-found', `no runbook "${runbookId}" in ${root} (runbooks: ${known})`, {
      runbook: runbookId,
    });
  }
  const base = {
    project: { id: projectId, name: basename(root) },
    runbook: { id: loaded.id, title: loaded.title, file: loaded.file, builtIn: loaded.builtIn },
    problems: loaded.problems,
  };
  const runbook = loaded.runbook;
  if (!runbook) return { ...base, roles: {}, steps: [], exitCriteria: [], rollback: [] };
  return {
    ...base,
    roles: runbook.roles,
    steps: runbook.steps.map((step) => ({
      id: step.id,
      title: step.title,
      owner: step.owner,
      ...(step.description ? { description: step.description } : {}),
      ...(step.environments ? { environments: step.environments } : {}),
      approvals: step.approvals,
      actionCount: step.actions.length,
      checklists: outlineLists(step.id, step.checklists),
    })),
    exitCriteria: runbook.exitCriteria.map((item) => outlineItem(exitStepId, item)),
    rollback: outlineLists(rollbackStepId, runbook.rollback.checklists),
  };
}
