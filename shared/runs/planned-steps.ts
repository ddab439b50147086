import type { Checklist, ChecklistItem } from '../formats/checklist-schema';
import { interpolateTitle, type VariableScope } from '../formats/interpolate';
import { actionKey, itemKey, type Runbook, type Step } from '../formats/runbook-schema';
import { describeAction } from '../plans/describe-action';
import type { PlannedItem, PlannedStep } from './run-events';
import { rollbackStepId } from './run-state';

// What a run of this runbook against this environment will go through, recorded in `run.started`
// so the journal alone explains the run (the report and the UI never need the YAML again).

function plannedItems(stepId: string, checklists: Checklist[]): PlannedItem[] {
  return checklists.flatMap((list) =>
    list.items.map((item) => ({
      key: itemKey(stepId, item.id),
      text: item.text,
      checklist: list.title,
      gate: list.gate,
      before: item.before,
      automatic: item.check !== undefined,
    })),
  );
}

export function notApplicableReason(step: Step, environment: string): string | undefined {
  if (!step.environments || step.environments.includes(environment)) return undefined;
  return `applies to ${step.environments.join(', ')} only; this run targets ${environment}`;
}

/** The runbook's steps as a run will show them; with a scope, action titles have their known variables filled in. */
export function plannedSteps(runbook: Runbook, environment: string, scope?: VariableScope): PlannedStep[] {
  return runbook.steps.map((step) => ({
    id: step.id,
    title: step.title,
    owner: step.owner,
    notApplicable: notApplicableReason(step, environment),
    actions: step.actions.map((action, index) => ({
      key: actionKey(step.id, action, index),
      type: action.type,
      title: scope ? interpolateTitle(describeAction(action), scope) : describeAction(action),
    })),
    items: plannedItems(step.id, step.checklists),
    approvals: step.approvals,
  }));
}

export const exitStepId = '@exit';

export function plannedExitCriteria(items: ChecklistItem[]): PlannedItem[] {
  return plannedItems(exitStepId, [{ title: 'Exit criteria', items }]);
}

/** The runbook's rollback procedure as a step; with a scope, action titles have their known variables filled in. */
export function plannedRollback(runbook: Runbook, scope?: VariableScope): PlannedStep {
  return {
    id: rollbackStepId,
    title: 'Rollback',
    owner: Object.keys(runbook.roles)[0] ?? 'devops',
    actions: runbook.rollback.actions.map((action, index) => ({
      key: actionKey(rollbackStepId, action, index),
      type: action.type,
      title: scope ? interpolateTitle(describeAction(action), scope) : describeAction(action),
    })),
    items: plannedItems(rollbackStepId, runbook.rollback.checklists),
    approvals: [],
  };
}

/** The runbook's definition of a planned item, for its automatic check. */
export function findChecklistItem(runbook: Runbook, key: string): ChecklistItem | undefined {
  const [stepId, itemId] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  if (stepId === exitStepId) return runbook.exitCriteria.find((item) => item.id === itemId);
  const lists =
    stepId === rollbackStepId ? runbook.rollback.checklists : runbook.steps.find((s) => s.id === stepId)?.checklists;
  return lists?.flatMap((list) => list.items).find((item) => item.id === itemId);
}
