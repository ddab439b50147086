import { z } from 'zod';
import { Action } from './action-schema';
import { parseAlertCondition, unitProblem } from './alert-condition';
import { Checklist, ChecklistItem } from './checklist-schema';
import { Slug, StringMap, Text } from './common-fields';
import { Duration } from './duration';

// The runbook format (`.release-pilot/runbook.yml` or `.release-pilot/runbooks/*.yml`). Every field
// is documented in docs/runbook-format.md; keep the two in step.

export const strategies = ['blue-green', 'rolling', 'canary', 'feature-flags', 'recreate', 'swarm'] as const;
export const Strategy = z.enum(strategies);
export type Strategy = z.infer<typeof Strategy>;

export const FailurePolicy = z.enum(['ask', 'abort', 'rollback', 'continue']);
export type FailurePolicy = z.infer<typeof FailurePolicy>;

export const AlertRule = z
  .strictObject({
    name: Text,
    condition: Text,
    for: Duration.optional(),
    /** The seed workflow's name for `for:` (its alert rules are written with it): the same meaning. */
    duration: Duration.optional(),
    severity: z.enum(['critical', 'warning', 'info']).default('warning'),
    /** What the rule does when it fires: tell people, or roll the deployment back. */
    action: z.enum(['notify', 'rollback']).default('notify'),
  })
  .superRefine((rule, ctx) => {
    const parsed = parseAlertCondition(rule.condition);
    const problem = 'error' in parsed ? parsed.error : unitProblem(parsed);
    if (problem) ctx.addIssue({ code: 'custom', path: ['condition'], message: problem });
    if (rule.for !== undefined && rule.duration !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['duration'],
        message: 'duration: is another name for for:; give one of them, not both',
      });
  })
  // One field downstream: `for` (0 = fires at once), whichever name the author used.
  .transform(({ duration, ...rule }) => ({ ...rule, for: rule.for ?? duration ?? 0 }));
export type AlertRule = z.output<typeof AlertRule>;

export const Step = z.strictObject({
  id: Slug,
  title: Text,
  /** Role id (from `roles:`) of the person who leads the step. */
  owner: Slug,
  description: z.string().optional(),
  /** The step only applies to runs against these environments; in other runs it is skipped, saying why. */
  environments: z.array(z.string().min(1)).min(1).optional(),
  actions: z.array(Action).default([]),
  checklists: z.array(Checklist).default([]),
  /** Roles whose sign-off is needed before the step's actions start. */
  approvals: z.array(Slug).default([]),
  onFailure: FailurePolicy.default('ask'),
});
export type Step = z.output<typeof Step>;

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Roles named but not declared, and ids used twice. Works on partly invalid input too. */
export function runbookReferenceIssues(input: unknown): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const runbook = asRecord(input);
  const roles = new Set(Object.keys(asRecord(runbook.roles)));
  // Without a roles: mapping (itself reported) every role would be "unknown": say it once, not per step.
  const haveRoles = typeof runbook.roles === 'object' && runbook.roles !== null;
  const roleIssue = (role: unknown, path: (string | number)[]) => {
    if (haveRoles && typeof role === 'string' && !roles.has(role)) {
      issues.push({ path, message: `role "${role}" is not in roles: (${[...roles].join(', ')})` });
    }
  };
  const stepIds = new Set<unknown>();
  asList(runbook.steps).forEach((raw, s) => {
    const step = asRecord(raw);
    if (typeof step.id === 'string') {
      if (stepIds.has(step.id))
        issues.push({ path: ['steps', s, 'id'], message: `step id "${step.id}" is used twice` });
      stepIds.add(step.id);
    }
    roleIssue(step.owner, ['steps', s, 'owner']);
    asList(step.approvals).forEach((role, a) => {
      roleIssue(role, ['steps', s, 'approvals', a]);
    });
    const actionIds = new Set<string>();
    asList(step.actions).forEach((action, a) => {
      const own = asRecord(action).id;
      const id = typeof own === 'string' ? own : String(a + 1);
      if (actionIds.has(id)) {
        issues.push({
          path: ['steps', s, 'actions', a, 'id'],
          message: `action id "${id}" is used twice in step "${step.id}"`,
        });
      }
      actionIds.add(id);
    });
    const itemIds = new Set<unknown>();
    asList(step.checklists).forEach((list, c) => {
      asList(asRecord(list).items).forEach((item, i) => {
        const id = asRecord(item).id;
        if (typeof id !== 'string') return;
        if (itemIds.has(id)) {
          issues.push({
            path: ['steps', s, 'checklists', c, 'items', i, 'id'],
            message: `checklist item "${id}" is used twice in step "${step.id}"`,
          });
        }
        itemIds.add(id);
      });
    });
  });
  return issues;
}

export const Runbook = z
  .strictObject({
    id: Slug.optional(),
    /** Start from the built-in runbook: same-id steps replace its steps, roles and variables merge. */
    extends: z.literal('default').optional(),
    title: Text,
    description: z.string().optional(),
    /** Role id → the title people know it by, e.g. `devops: DevOps Engineer`. */
    roles: z.record(Slug, Text).refine((roles) => Object.keys(roles).length > 0, 'name at least one role'),
    strategy: Strategy.optional(),
    variables: StringMap.default({}),
    steps: z.array(Step).min(1, 'a runbook needs at least one step'),
    alerts: z.array(AlertRule).default([]),
    rollback: z
      .strictObject({ actions: z.array(Action).default([]), checklists: z.array(Checklist).default([]) })
      .default({ actions: [], checklists: [] }),
    /** Roles that may start a run outside its deployment window or inside a freeze (with a written reason). */
    overrideRoles: z.array(Slug).default(['release-manager']),
    /** When the deployment counts as complete (the workflow's exit criteria). */
    exitCriteria: z.array(ChecklistItem).default([]),
  })
  // Runs even when other fields are invalid (`when`), so an unknown role or a duplicate id is
  // reported together with every other problem; it therefore reads the value defensively.
  .superRefine(
    (runbook, ctx) => {
      for (const issue of runbookReferenceIssues(runbook)) ctx.addIssue({ code: 'custom', ...issue });
    },
    { when: () => true },
  );

export type Runbook = z.output<typeof Runbook>;
export type RunbookInput = z.input<typeof Runbook>;

/** A runbook's checklist item, addressed across the runbook as `<step-id>.<item-id>`. */
export function itemKey(stepId: string, itemId: string): string {
  return `${stepId}.${itemId}`;
}

/** An action's address in journals and answers files: `<step-id>.<action-id or position>`. */
export function actionKey(stepId: string, action: { id?: string }, index: number): string {
  return `${stepId}.${action.id ?? index + 1}`;
}
