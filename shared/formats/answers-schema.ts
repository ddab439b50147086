import { z } from 'zod';
import { Text } from './common-fields';

// The answers file lets a run proceed with no terminal (CI, scripted demos): who ticks which
// checklist item, who approves for which role, what to do when an action fails. Documented in
// docs/answers-file.md.

export const Signer = z.strictObject({ by: Text, role: z.string().min(1).optional(), note: z.string().optional() });
export type Signer = z.output<typeof Signer>;

export const FailureDecision = z.union([
  z.enum(['retry', 'rollback', 'abort']),
  z.strictObject({ skip: Text.describe('why the action may be skipped') }),
]);
export type FailureDecision = z.output<typeof FailureDecision>;

export const Answers = z.strictObject({
  /** Who is running the deployment; the default signer. */
  operator: z.strictObject({ name: Text, role: z.string().min(1).optional() }),
  /** Typed confirmation of a protected environment's name. */
  confirm: z.string().optional(),
  /** `<step>.<item>` → signer; `"*"` answers every item without its own entry. */
  checklist: z.record(z.string(), Signer).default({}),
  /** Role → signer. */
  approvals: z.record(z.string(), Signer).default({}),
  /** `<step>.<action>` → decisions used in order on successive failures; `"*"` for any action. */
  failures: z.record(z.string(), z.union([FailureDecision, z.array(FailureDecision).min(1)])).default({}),
  /** Manual actions: continue (with the operator as signer) or stop. */
  manual: z.enum(['continue', 'abort']).default('continue'),
  /** Break a stale deploy lock (the decision is journaled with the holder it replaced). */
  breakLock: z.boolean().default(false),
  lessonsLearned: z.string().optional(),
});
export type Answers = z.output<typeof Answers>;
