import { exitStepId } from '../runs/planned-steps';
import type { RunEvent } from '../runs/run-event';
import type { ItemView, RunState, StepView } from '../runs/run-state';
import { fieldsOf, text } from './event-fields';
import type {
  ApprovalEntry,
  ChecklistGroup,
  ChecklistItemEntry,
  ConfirmationEntry,
  GateSummary,
  ItemState,
} from './report-types';

// Checklists, quality gates 1–4 and sign-offs, as the journal recorded them: each tick with who,
// their role, when and their note (or the automatic check and its result). An item with no tick
// stays visibly unticked; items of a step that did not apply to this environment are marked so.

function itemState(item: ItemView, stepSkipped: boolean): ItemState {
  if (item.tick) return item.tick.auto ? 'checked' : 'ticked';
  if (stepSkipped) return 'not-applicable';
  if (item.check && !item.check.ok) return 'check-failed';
  return 'unticked';
}

function itemEntry(item: ItemView, stepSkipped: boolean): ChecklistItemEntry {
  const tick = item.tick;
  return {
    key: item.key,
    text: item.text,
    gate: item.gate,
    automatic: item.automatic,
    state: itemState(item, stepSkipped),
    by: tick?.by,
    role: tick?.role,
    at: tick?.at,
    note: tick?.note,
    carried: tick?.carried || undefined,
    check: item.check,
  };
}

function groupsOf(step: { id: string; title: string }, items: ItemView[], stepSkipped: boolean): ChecklistGroup[] {
  const groups: ChecklistGroup[] = [];
  for (const item of items) {
    let group = groups.find((g) => g.checklist === item.checklist);
    if (!group) {
      group = { step: step.id, stepTitle: step.title, checklist: item.checklist, gate: item.gate, items: [] };
      groups.push(group);
    }
    group.items.push(itemEntry(item, stepSkipped));
  }
  return groups;
}

export function collectChecklists(state: RunState): ChecklistGroup[] {
  const groups = state.steps.flatMap((step) => groupsOf(step, step.items, step.state === 'skipped'));
  groups.push(...groupsOf({ id: exitStepId, title: 'Exit criteria' }, state.exitCriteria, false));
  // The rollback's verification list matters only when the run rolled back.
  const rollback = state.rollbackStep;
  if (rollback && state.rollback) groups.push(...groupsOf(rollback, rollback.items, false));
  return groups;
}

export function summarizeGates(groups: readonly ChecklistGroup[]): GateSummary[] {
  return ([1, 2, 3, 4] as const).map((gate) => {
    const items = groups.flatMap((g) => g.items).filter((i) => i.gate === gate && i.state !== 'not-applicable');
    const ticked = items.filter((i) => i.state === 'ticked' || i.state === 'checked').length;
    const unticked = items.length - ticked;
    const status = items.length === 0 ? 'no items' : unticked === 0 ? 'passed' : 'incomplete';
    return { gate, items: items.length, ticked, unticked, status };
  });
}

/** Approvals by role per step: each granted one with who and when, each required one not given. */
export function collectApprovals(events: readonly RunEvent[], state: RunState): ApprovalEntry[] {
  const roleTitle = (role: string) => state.roles[role] ?? role;
  const byStep = new Map<string, ApprovalEntry[]>();
  const titles = new Map<string, string>(state.steps.map((s: StepView) => [s.id, s.title]));
  for (const event of events) {
    if (event.type !== 'approval.granted') continue;
    const d = fieldsOf(event, 'approval.granted');
    const step = text(d.step);
    const role = text(d.role);
    const list = byStep.get(step) ?? [];
    byStep.set(step, list);
    list.push({
      step,
      stepTitle: titles.get(step) ?? step,
      role,
      roleTitle: roleTitle(role),
      by: text(d.by) || undefined,
      at: event.at,
      note: text(d.note) || undefined,
    });
  }
  const entries: ApprovalEntry[] = [];
  for (const step of state.steps) {
    const granted = byStep.get(step.id) ?? [];
    byStep.delete(step.id);
    entries.push(...granted);
    // A step that did not apply to this environment needed no one's approval.
    if (step.state === 'skipped') continue;
    for (const { role } of step.approvals) {
      if (granted.some((g) => g.role === role)) continue;
      entries.push({ step: step.id, stepTitle: step.title, role, roleTitle: roleTitle(role) });
    }
  }
  for (const granted of byStep.values()) entries.push(...granted);
  return entries;
}

export function collectConfirmations(events: readonly RunEvent[]): ConfirmationEntry[] {
  return events
    .filter((event) => event.type === 'confirmation.given')
    .map((event) => {
      const d = fieldsOf(event, 'confirmation.given');
      return { environment: text(d.environment), by: text(d.by), at: event.at };
    });
}
