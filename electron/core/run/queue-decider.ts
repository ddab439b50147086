import { randomUUID } from 'node:crypto';
import type { Answer, Question } from '../../../shared/api/schemas/run-control';
import type { SignerRecord } from '../../../shared/runs/run-events';
import type { RunDecider } from './run-decider';
import { endedWhileAsking, withdrawalReason } from './withdrawal-reason';

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
  /** `withdrawn`: why a question went away unanswered (the run stopped waiting for it). */
  onChange: (question: Question | null, answered?: string, withdrawn?: string) => void,
): QueueDecider {
  const open = new Map<string, { question: Question; resolve: Resolver }>();

  function ask<T>(fields: Ask, interpret: (answer: Answer) => T, signal?: AbortSignal): Promise<T | null> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve(null);
      const question = { ...fields, id: randomUUID(), runId: runId() } as Question;
      // The run stopped waiting (cancelled, or a rollback rule fired): the question leaves every window.
      const withdraw = () => {
        if (!open.delete(question.id)) return;
        resolve(null);
        onChange(null, question.id, withdrawalReason(signal?.reason));
      };
      open.set(question.id, {
        question,
        resolve: (answer) => {
          signal?.removeEventListener('abort', withdraw);
          resolve(answer.kind === 'decline' ? null : interpret(answer));
        },
      });
      signal?.addEventListener('abort', withdraw, { once: true });
      onChange(question);
    });
  }

  return {
    tick: (request, signal) =>
      ask(
        { kind: 'tick', ...request },
        (a) =>
          a.kind === 'tick'
            ? { by: a.by ?? operator.by, role: a.role ?? (a.by ? undefined : operator.role), note: a.note }
            : null,
        signal,
      ),
    approve: (request, signal) =>
      ask(
        { kind: 'approve', ...request },
        (a) => (a.kind === 'approve' ? { by: a.by, role: request.role, note: a.note } : null),
        signal,
      ),
    onFailure: (request, signal) =>
      ask(
        { kind: 'failure', ...request },
        (a) => (a.kind === 'failure' ? { decision: a.decision, reason: a.reason, by: operator.by } : null),
        signal,
      ),
    confirm: (request, signal) =>
      ask(
        { kind: 'confirm', ...request },
        (a) => (a.kind === 'confirm' ? { text: a.text, by: operator.by } : null),
        signal,
      ),
    manual: (request, signal) =>
      ask({ kind: 'manual', ...request }, (a) => (a.kind === 'manual' ? { ...operator, note: a.note } : null), signal),
    breakLock: (holder, signal) =>
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
        signal,
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
        onChange(null, id, endedWhileAsking);
      }
    },
  };
}
