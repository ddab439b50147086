import { z } from 'zod';

// One journal line. `type` is one of the names in run-events.ts; every reader (run list, UI,
// report, verify, resume) folds the same lines with the pure functions in shared/runs.

export const RunEvent = z.object({
  /** 1-based position in the journal. */
  seq: z.number().int().min(1),
  at: z.string(),
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()).default({}),
  /** The previous line's hash (hex); the first event carries 64 zeros. */
  prev: z.string().optional(),
  /** sha256 of this line's text before the hash field: the chain `release-pilot verify` checks. */
  hash: z.string().optional(),
});
export type RunEvent = z.infer<typeof RunEvent>;

export const RunStatus = z.enum([
  'open', // started, no end recorded: running, or left open by a crash
  'succeeded',
  'failed',
  'rolled-back',
  'aborted',
  'unreadable', // the journal could not be read; the summary says why
]);
export type RunStatus = z.infer<typeof RunStatus>;
