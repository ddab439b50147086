import type { Answers, FailureDecision, Signer } from '../../../shared/formats/answers-schema';
import type { SignerRecord } from '../../../shared/runs/run-events';
import type { FailureAnswer, RunDecider } from './run-decider';

// Answers a run's decisions from an answers file (docs/answers-file.md), for runs with no terminal.
// A failure's decisions are used in order, one per failure of that action; once used up, the last
// one repeats only if it is not `retry` (so a list can never retry forever).

function signer(entry: Signer | undefined, answers: Answers): SignerRecord | null {
  if (!entry) return null;
  return { by: entry.by, role: entry.role ?? answers.operator.role, note: entry.note };
}

/** Own entries only: a role id such as `constructor` (a valid slug) must not find Object.prototype's. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function toAnswer(decision: FailureDecision, by: string): FailureAnswer {
  if (typeof decision === 'string') return { decision, by };
  return { decision: 'skip', reason: decision.skip, by };
}

export function answersDecider(answers: Answers): RunDecider {
  const used = new Map<string, number>();
  const operator = answers.operator.name;
  return {
    async tick({ item }) {
      return signer(own(answers.checklist, item) ?? own(answers.checklist, '*'), answers);
    },
    // The file has one answer per question: once it was refused, no other answer can come from it.
    async approve({ role, refused }) {
      if (refused) return null;
      const entry = own(answers.approvals, role);
      return entry ? { by: entry.by, role, note: entry.note } : null;
    },
    async onFailure({ action }) {
      const entry = own(answers.failures, action) ?? own(answers.failures, '*');
      if (entry === undefined) return null;
      const list = Array.isArray(entry) ? entry : [entry];
      const index = used.get(action) ?? 0;
      used.set(action, index + 1);
      const decision = list[index] ?? list.at(-1)!;
      if (index >= list.length && decision === 'retry') return null;
      return toAnswer(decision, operator);
    },
    async confirm({ refused }) {
      if (refused) return null;
      return answers.confirm === undefined ? null : { text: answers.confirm, by: operator };
    },
    async manual() {
      return answers.manual === 'continue' ? { by: operator, role: answers.operator.role } : null;
    },
    async breakLock(holder) {
      return answers.breakLock
        ? { by: operator, reason: `answers file: breakLock (lock held by ${holder.holder})` }
        : null;
    },
  };
}
