import { z } from 'zod';
import { Id, RunId } from './common';

// Driving a run from the app: start it, answer what it asks (ticks, approvals, failure decisions,
// the typed confirmation), cancel, resume or close it. The run asks through `runs:question` events
// and waits; any window may answer, and the first answer wins.

export const StartRunRequest = z
  .object({
    projectId: Id,
    environment: z.string().min(1),
    version: z.string().trim().min(1, 'choose a version to deploy'),
    runbook: z.string().min(1).optional(),
    strategy: z.string().min(1).optional(),
    /** Start outside the deployment window or in a freeze: the written reason (your role must allow it). */
    windowOverride: z.string().trim().min(1, 'write why the run must start outside its window').optional(),
    /** Items ticked ahead in an offline checklist review, carried into the run. */
    preTicks: z
      .array(
        z
          .object({
            item: z.string().min(1),
            by: z.string().trim().min(1),
            role: z.string().optional(),
            note: z.string().optional(),
            at: z.string().optional(),
          })
          .strict(),
      )
      .max(1000)
      .optional(),
  })
  .strict();

export const StartedRun = z.object({ runId: Id });

const base = { id: Id, runId: Id };

export const Question = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('tick'),
    step: z.string(),
    item: z.string(),
    text: z.string(),
    checklist: z.string(),
    gate: z.number().optional(),
    checkFailed: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('approve'),
    step: z.string(),
    role: z.string(),
    roleTitle: z.string(),
    /** Asked again: why the previous answer was refused (shown next to the approver's name). */
    refused: z.string().optional(),
    /** The four-eyes rule, so a window refuses the operator's own name before sending it. */
    environment: z.string().optional(),
    protected: z.boolean().optional(),
    operator: z.string().optional(),
    /** The step's approvals still missing, this one first (role titles). */
    missing: z.array(z.string()).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('failure'),
    step: z.string(),
    action: z.string(),
    title: z.string(),
    error: z.object({ code: z.string(), message: z.string() }),
    attempt: z.number().int(),
    tail: z.array(z.string()),
  }),
  z.object({ ...base, kind: z.literal('confirm'), environment: z.string(), refused: z.string().optional() }),
  z.object({ ...base, kind: z.literal('manual'), step: z.string(), action: z.string(), instructions: z.string() }),
  z.object({
    ...base,
    kind: z.literal('break-lock'),
    holder: z.string(),
    lockRunId: z.string(),
    at: z.string(),
    where: z.string(),
    stale: z.boolean(),
  }),
]);
export type Question = z.infer<typeof Question>;
export type QuestionKind = Question['kind'];

const note = z.string().max(2000).optional();

export const Answer = z.discriminatedUnion('kind', [
  /** Ticks an item as the operator (or the named person, e.g. a QA engineer at the same desk). */
  z
    .object({ kind: z.literal('tick'), by: z.string().trim().min(1).optional(), role: z.string().optional(), note })
    .strict(),
  z.object({ kind: z.literal('approve'), by: z.string().trim().min(1, "the approver's name"), note }).strict(),
  z
    .object({
      kind: z.literal('failure'),
      decision: z.enum(['retry', 'skip', 'rollback', 'abort']),
      reason: z.string().trim().optional(),
    })
    .strict()
    .refine((a) => a.decision !== 'skip' || (a.reason ?? '').length > 0, {
      message: 'skipping needs a reason',
      path: ['reason'],
    }),
  z.object({ kind: z.literal('confirm'), text: z.string() }).strict(),
  z.object({ kind: z.literal('manual'), note }).strict(),
  z
    .object({ kind: z.literal('break-lock'), reason: z.string().trim().min(1, 'say why the lock may be broken') })
    .strict(),
  /** No one will answer (an approver refuses, the operator will not continue): the run stops, saying so. */
  z.object({ kind: z.literal('decline'), reason: z.string().trim().optional() }).strict(),
]);
export type Answer = z.infer<typeof Answer>;

export const AnswerRequest = z.object({ runId: RunId, questionId: Id, answer: Answer }).strict();

export const RunControl = z.object({ runId: RunId }).strict();
export const RollbackNowRequest = z
  .object({ runId: RunId, reason: z.string().trim().min(1, 'say why the run is rolled back') })
  .strict();
export const CloseRunRequest = z
  .object({ runId: RunId, reason: z.string().trim().min(1, 'say why the run is closed') })
  .strict();

export const LiveRun = z.object({
  runId: Id,
  /** True while this app is driving the run (it can be answered and cancelled here). */
  active: z.boolean(),
  questions: z.array(Question),
});
export type LiveRun = z.infer<typeof LiveRun>;

export const JournalVerdict = z.union([
  z.object({ ok: z.literal(true), lines: z.number().int(), finalHash: z.string() }),
  z.object({ ok: z.literal(false), line: z.number().int(), reason: z.string(), message: z.string() }),
]);

export const LogsRequest = z
  .object({ runId: RunId, source: z.string().optional(), tail: z.number().int().min(1).max(100_000).optional() })
  .strict();
export const LogEntry = z.object({ at: z.string(), source: z.string(), stream: z.string(), line: z.string() });

export const RunOutputPush = z.object({ runId: Id, source: z.string(), stream: z.string(), line: z.string() });
export const QuestionPush = z.object({
  runId: Id,
  question: Question.nullable(),
  answered: Id.optional(),
  /** Gone unanswered: why (an automatic rollback, a cancel, an interruption, the run's end). */
  withdrawn: z.string().optional(),
});
