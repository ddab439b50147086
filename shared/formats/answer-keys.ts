import type { Answers } from './answers-schema';
import { actionKey, itemKey, type Runbook } from './runbook-schema';

// An answers file written for another version of the runbook, or with a typo, would otherwise be
// noticed only when the run reaches the question it meant to answer, halfway through production.

export interface UnknownAnswer {
  field: 'checklist' | 'approvals' | 'failures';
  key: string;
  suggestion?: string;
}

function closest(key: string, known: string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const best = known.map((k) => ({ k, d: distance(key, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(key.length / 4)) ? best.k : undefined;
}

export function unknownAnswerKeys(answers: Answers, runbook: Runbook): UnknownAnswer[] {
  const items = [
    ...runbook.steps.flatMap((step) =>
      step.checklists.flatMap((list) => list.items.map((item) => itemKey(step.id, item.id))),
    ),
    ...runbook.exitCriteria.map((item) => itemKey('@exit', item.id)),
    ...runbook.rollback.checklists.flatMap((list) => list.items.map((item) => itemKey('@rollback', item.id))),
  ];
  const actions = [
    ...runbook.steps.flatMap((step) => step.actions.map((action, i) => actionKey(step.id, action, i))),
    ...runbook.rollback.actions.map((action, i) => actionKey('@rollback', action, i)),
  ];
  const check = (field: UnknownAnswer['field'], keys: string[], known: string[]): UnknownAnswer[] =>
    keys
      .filter((key) => key !== '*' && !known.includes(key))
      .map((key) => ({ field, key, suggestion: closest(key, known) }));
  return [
    ...check('checklist', Object.keys(answers.checklist), items),
    ...check('approvals', Object.keys(answers.approvals), Object.keys(runbook.roles)),
    // A failed automatic check is decided under its item's key, so items count here too.
    ...check('failures', Object.keys(answers.failures), [...actions, ...items]),
  ];
}
