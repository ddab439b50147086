import { z } from 'zod';
import { Id, Problem } from './common';

// Offline checklist review (issue #5): a runbook's steps and checklists read from the project's
// files alone (no host is contacted), and the items a person pre-ticks ahead of the run, kept on
// this machine and carried into the next run of that runbook as `preTicks`.

/** A runbook id as it names a file (`<projectId>-<runbook>.json`): no separators, no `..`. */
export const RunbookId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'a runbook id is letters, digits, - and _');

export const ReviewRef = z.object({ projectId: Id, runbook: RunbookId }).strict();

export const ReviewTick = z
  .object({
    /** The item's key across the runbook: `<step-id>.<item-id>`, or `@exit.<item-id>` for exit criteria. */
    item: z.string().min(3).max(300),
    by: z.string().trim().min(1, 'say who ticked it').max(120),
    role: z.string().trim().max(120).optional(),
    note: z.string().max(2000).optional(),
    /** When it was ticked (ISO 8601). */
    at: z.iso.datetime({ offset: true }),
  })
  .strict();
export type ReviewTick = z.infer<typeof ReviewTick>;

const ticksMax = 1000;

export const ReviewTicks = z.object({ ticks: z.array(ReviewTick) });
export type ReviewTicks = z.infer<typeof ReviewTicks>;

export const SaveReviewRequest = ReviewRef.extend({
  ticks: z
    .array(ReviewTick)
    .max(ticksMax, `at most ${ticksMax} pre-ticks`)
    .refine((ticks) => new Set(ticks.map((t) => t.item)).size === ticks.length, 'an item is pre-ticked twice'),
}).strict();

export const OutlineItem = z.object({
  key: z.string(),
  id: z.string(),
  text: z.string(),
  /** Must be ticked before the step's actions start. */
  before: z.boolean(),
  /** Checked by the run itself: it cannot be pre-ticked. What the check does, in words. */
  check: z.string().optional(),
});
export type OutlineItem = z.infer<typeof OutlineItem>;

export const OutlineChecklist = z.object({
  title: z.string(),
  gate: z.number().int().min(1).max(4).optional(),
  items: z.array(OutlineItem),
});
export type OutlineChecklist = z.infer<typeof OutlineChecklist>;

export const OutlineStep = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.string(),
  description: z.string().optional(),
  /** The step applies only to runs against these environments. */
  environments: z.array(z.string()).optional(),
  approvals: z.array(z.string()),
  actionCount: z.number().int().min(0),
  checklists: z.array(OutlineChecklist),
});
export type OutlineStep = z.infer<typeof OutlineStep>;

export const ReviewOutline = z.object({
  project: z.object({ id: Id, name: z.string() }),
  runbook: z.object({ id: z.string(), title: z.string(), file: z.string(), builtIn: z.boolean() }),
  /** Role id → title. */
  roles: z.record(z.string(), z.string()),
  steps: z.array(OutlineStep),
  /** When the deployment counts as complete; ticked at the end of the run (pre-tickable like any item). */
  exitCriteria: z.array(OutlineItem),
  /** Ticked only if the run rolls back, so never pre-ticked. */
  rollback: z.array(OutlineChecklist),
  /** Everything wrong with the runbook file; with an error the outline has no steps. */
  problems: z.array(Problem),
});
export type ReviewOutline = z.infer<typeof ReviewOutline>;
