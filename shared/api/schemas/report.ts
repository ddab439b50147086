import { z } from 'zod';
import { RunId } from './common';

// The deployment report of a run (issue #6): rendered from its journal on request, with the
// lessons learned as the person is editing them, and the lessons recorded into the journal.

/** Lessons learned are prose, not a document: generous, but bounded so a paste cannot flood the journal. */
const lessonsMax = 20_000;

export const ReportRequest = z
  .object({
    runId: RunId,
    /** Lessons as edited and not yet saved: they replace the recorded ones in this rendering only. */
    lessons: z.string().max(lessonsMax, `lessons learned are limited to ${lessonsMax} characters`).optional(),
  })
  .strict();

export const RunReport = z.object({
  markdown: z.string(),
  /** No end is recorded for the run; the report says so at its top. */
  open: z.boolean(),
  /** The lessons learned last recorded in the journal (not the edit sent with the request). */
  lessons: z.string().optional(),
});
export type RunReport = z.infer<typeof RunReport>;

export const LessonsRequest = z
  .object({
    runId: RunId,
    text: z
      .string()
      .trim()
      .min(1, 'write the lessons learned first')
      .max(lessonsMax, `lessons learned are limited to ${lessonsMax} characters`),
  })
  .strict();
