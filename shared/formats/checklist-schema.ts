import { z } from 'zod';
import { HttpCheckFields } from './action-schema';
import { Argv, Slug, Text } from './common-fields';
import { Duration } from './duration';

// Checklist items are ticked by a person (name, role, time, note) or by an automatic check whose
// result is recorded the same way. Items are addressed as `<step-id>.<item-id>` across a runbook,
// so an item pre-ticked during offline review is the same item in the run.

const CommandCheck = z.strictObject({
  type: z.literal('command'),
  argv: Argv,
  cwd: z.string().optional(),
  timeout: Duration.optional(),
});

const CoverageCheck = z.strictObject({
  type: z.literal('coverage'),
  /** coverage-summary.json (istanbul/vitest), lcov.info or cobertura xml, relative to the project. */
  file: Text,
  min: z.number().min(0).max(100),
  metric: z.enum(['lines', 'statements', 'branches', 'functions']).default('lines'),
});

const HttpItemCheck = z.strictObject({ type: z.literal('http'), ...HttpCheckFields });

export const AutomaticCheck = z.discriminatedUnion('type', [CommandCheck, CoverageCheck, HttpItemCheck], {
  error: (issue) => (issue.code === 'invalid_union' ? 'check type must be command, coverage or http' : undefined),
});
export type AutomaticCheck = z.output<typeof AutomaticCheck>;

export const ChecklistItem = z.strictObject({
  id: Slug,
  text: Text,
  /** Must be ticked before the step's actions start (otherwise before the step can pass). */
  before: z.boolean().default(false),
  check: AutomaticCheck.optional(),
});
export type ChecklistItem = z.output<typeof ChecklistItem>;

export const Checklist = z.strictObject({
  title: Text,
  /** Quality gate 1–4 of the workflow this checklist is (Readiness, Staging, Production, Monitoring). */
  gate: z.number().int().min(1).max(4).optional(),
  items: z.array(ChecklistItem).min(1, 'a checklist needs at least one item'),
});
export type Checklist = z.output<typeof Checklist>;
