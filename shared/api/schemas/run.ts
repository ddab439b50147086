import { z } from 'zod';
import { RunEvent, RunStatus } from '../../runs/run-event';
import { Id, RunId } from './common';

/** shared/runs/alert-caveat.ts */
export const AlertCaveatSchema = z.object({
  rule: z.string(),
  state: z.enum(['firing', 'pending']),
  at: z.string(),
  text: z.string(),
});

export const RunSummary = z.object({
  id: Id,
  runbook: z.string(),
  environment: z.string(),
  version: z.string(),
  strategy: z.string().optional(),
  operator: z.string().optional(),
  status: RunStatus,
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  eventCount: z.number().int().min(0),
  /** Why the journal could not be read, when status is `unreadable`. */
  problem: z.string().optional(),
  /** The run could not release its deploy lock: it is still held there (shared/runs/lock-left.ts). */
  lockLeft: z.object({ where: z.string(), error: z.string() }).optional(),
  /** An open run its host stopped at a safe point (a signal, the app quitting): resumable. */
  interrupted: z.object({ at: z.string(), by: z.string(), reason: z.string() }).optional(),
  /** Succeeded, but a critical alert fired or a rollback rule was pending (shared/runs/alert-caveat.ts). */
  caveat: AlertCaveatSchema.optional(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const RunDetail = RunSummary.extend({
  events: z.array(RunEvent),
});
export type RunDetail = z.infer<typeof RunDetail>;

export const RunRef = z.object({ runId: RunId }).strict();

/** Pushed as a run's journal grows, so every open window follows the same run. */
export const RunEventPush = z.object({ runId: Id, event: RunEvent });
