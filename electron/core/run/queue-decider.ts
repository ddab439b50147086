import { randomUUID } from 'node:crypto';
import type { Answer, Question } from '../../../shared/api/schemas/run-control';
import type { SignerRecord } from '../../../shared/runs/run-events';
import type { RunDecider } from './run-decider';

// Decisions asked of people through the app: each question waits in a list any window can show
// and answer (the first answer wins). The executor's promise resolves when the answer comes.

/** A question without its ids, kept discriminated (a plain Omit would merge the kinds). */
type Ask = Question extends infer Q ? (Q extends Question ? Omit<Q, 'id' | 'runId'> : never) : never;
type Resolver = (answer: Answer) => unknown;

export class AnswerError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'invalid-request',
  ) {
    super(message);
    this.name = 'AnswerError';
  }
}

export interface QueueDecider extends RunDecider {
  pending(): Question[];
  answer(questionId: string, answer: Answer): void;
  /** Drops every open question (the run ended); their waiters see "no answer". */
  clear(): void;
}

const expected: Record<Question['kind'], Answer['kind']> = {
  tick: 'tick',
  approve: 'approve',
  failure: 'failure',
  confirm: 'confirm',
  manual: 'manual',
  'break-lock': 'break-lock',
};

export function createQueueDecider(
  runId: () => string,
  operator: SignerRecord,
  onChange: (question: Question | null, answered?: string) => void,
): QueueDecider {
  const open = new Map<string, { question: Question; resolve: Resolver }>();

  function ask<T>(fields: Ask, interpret: (answer: Answer) => T): Promise<T | null> {
    return new Promise((resolve) => {
      const question = { ...fields, id: randomUUID(), runId: runId() } as Question;
      open.set(question.id, {
        question,
        resolve: (answer) => resolve(answer.kind === 'decline' ? null : interpret(answer)),
      });
      onChange(question);
    });
  }

  return {
    tick: (request) =>
      ask({ kind: 'tick', ...request }, (a) =>
        a.kind === 'tick'
          ? { by: a.by ?? operator.by, role: a.role ?? (a.by ? undefined : operator.role), note: a.note }
          : null,
      ),
    approve: (request) =>
      ask({ kind: 'approve', ...request }, (a) =>
        a.kind === 'approve' ? { by: a.by, role: request.role, note: a.note } : null,
      ),
    onFailure: (request) =>
      ask({ kind: 'failure', ...request }, (a) =>
        a.kind === 'failure' ? { decision: a.decision, reason: a.reason, by: operator.by } : null,
      ),
    confirm: (request) =>
      ask({ kind: 'confirm', ...request }, (a) => (a.kind === 'confirm' ? { text: a.text, by: operator.by } : null)),
    manual: (request) =>
      ask({ kind: 'manual', ...request }, (a) => (a.kind === 'manual' ? { ...operator, note: a.note } : null)),
    breakLock: (holder) =>
      ask(
        {
          kind: 'break-lock',
          holder: holder.holder,
          lockRunId: holder.runId,
          at: holder.at,
          where: holder.where,
          stale: holder.stale,
        },
        (a) => (a.kind === 'break-lock' ? { by: operator.by, reason: a.reason } : null),
      ),
    pending: () => [...open.values()].map((entry) => entry.question),
    answer(questionId, answer) {
      const entry = open.get(questionId);
      if (!entry)
        throw new AnswerError(`question ${questionId} is not open (already answered, or the run ended)`, 'not-found');
      if (answer.kind !== 'decline' && answer.kind !== expected[entry.question.kind]) {
        throw new AnswerError(
          `question ${questionId} asks for "${expected[entry.question.kind]}", not "${answer.kind}"`,
          'invalid-request',
        );
      }
      open.delete(questionId);
      entry.resolve(answer);
      onChange(null, questionId);
    },
    clear() {
      for (const [id, entry] of open) {
        open.delete(id);
        entry.resolve({ kind: 'decline' });
        onChange(null, id);
      }
    },
  };
}
