import { z } from 'zod';
import { Id } from './common';

// The deployment plan for review before a run (the workflow's step 2): the same request as
// `runs:start` without starting anything. The digest is what the run records in plan.recorded.

export const PlanRequest = z
  .object({
    projectId: Id,
    environment: z.string().min(1),
    version: z.string().trim().min(1, 'choose a version to plan'),
    runbook: z.string().min(1).optional(),
    strategy: z.string().min(1).optional(),
  })
  .strict();

export const PlanResponse = z.object({
  markdown: z.string(),
  /** sha256 (hex) of the plan's content, as the run journals it. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PlanResponse = z.infer<typeof PlanResponse>;
