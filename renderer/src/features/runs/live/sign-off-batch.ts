import type { Question } from '../../../../../shared/api/schemas/run-control';
import { exitStepId } from '../../../../../shared/runs/planned-steps';
import type { ItemView, RunState } from '../../../../../shared/runs/run-state';

// Signing off a whole checklist at once. The run asks for its items one at a time (each is its
// own `tick` question, and each answer its own journal line, so the report still names every
// item's signer); a batch answers them one after another with the same signer, role and note.

export type TickQuestion = Extract<Question, { kind: 'tick' }>;

export interface SignOffBatch {
  checklist: string;
  /** The items still to sign, in the checklist's order. */
  items: ItemView[];
}

/** Items a person signs (no automatic check) that nobody has signed yet. */
function unsigned(item: ItemView): boolean {
  return !item.tick && !item.automatic;
}

/**
 * The checklists of `items` whose sign-off the run is asking for right now (one of their items has
 * an open tick question) with `minimum` or more items still to sign: those get "Sign off all (N)".
 */
export function signOffBatches(
  items: readonly ItemView[],
  questions: readonly Question[],
  minimum = 2,
): SignOffBatch[] {
  const asked = new Set(questions.flatMap((q) => (q.kind === 'tick' ? [q.item] : [])));
  const byChecklist = new Map<string, ItemView[]>();
  for (const item of items) {
    if (!unsigned(item)) continue;
    const list = byChecklist.get(item.checklist) ?? [];
    list.push(item);
    byChecklist.set(item.checklist, list);
  }
  return [...byChecklist]
    .filter(([, list]) => list.length >= minimum && list.some((item) => asked.has(item.key)))
    .map(([checklist, list]) => ({ checklist, items: list }));
}

/** The next open tick question of the batch, among those not yet signed. */
export function nextBatchQuestion(questions: readonly Question[], remaining: ReadonlySet<string>) {
  return questions.find((q): q is TickQuestion => q.kind === 'tick' && remaining.has(q.item));
}

/**
 * While a batch waits for its next item: an open tick question of another checklist means the run
 * has moved on past this one (its order differs from the screen's), so the batch stops there.
 */
export function askedElsewhere(questions: readonly Question[], remaining: ReadonlySet<string>) {
  return questions.find((q): q is TickQuestion => q.kind === 'tick' && !remaining.has(q.item));
}

/** Items of `keys` the run shows as signed already (another window may sign some meanwhile). */
export function signedAmong(run: RunState | undefined, keys: Iterable<string>): string[] {
  if (!run) return [];
  const steps = run.rollbackStep ? [...run.steps, run.rollbackStep] : run.steps;
  const signed = new Set(
    [...steps.flatMap((step) => step.items), ...run.exitCriteria].filter((i) => i.tick).map((i) => i.key),
  );
  return [...keys].filter((key) => signed.has(key));
}

/**
 * The batch a tick question belongs to, for the "Waiting for you" list: its step's items on the same
 * side of the actions (the run asks the items before them and those after them separately).
 */
export function batchForQuestion(run: RunState, questions: readonly Question[], question: Question) {
  if (question.kind !== 'tick') return undefined;
  const steps = run.rollbackStep ? [...run.steps, run.rollbackStep] : run.steps;
  const items =
    question.step === exitStepId ? run.exitCriteria : (steps.find((s) => s.id === question.step)?.items ?? []);
  const asked = items.find((i) => i.key === question.item);
  if (!asked) return undefined;
  const side = items.filter((i) => i.before === asked.before);
  return signOffBatches(side, questions).find((b) => b.items.some((i) => i.key === question.item));
}
