import { z } from 'zod';

// The base shape of one journal line. The engine issue grows the vocabulary of `type`s; every
// reader (run list, UI, report, verify) folds the same lines with the pure functions in shared/.

export const RunEvent = z.object({
  /** 1-based position in the journal. */
  seq: z.number().int().min(1),
  at: z.string(),
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()).default({}),
  /** sha256 of the previous line (hex); the first event carries 64 zeros. */
  prev: z.string().optional(),
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
