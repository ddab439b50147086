import { type RunViewState, useRunView } from './run-view-store';
import { askedElsewhere, nextBatchQuestion, type TickQuestion } from './sign-off-batch';

// A batch sign-off answers one item, then waits for the run to ask the next one (it asks them one
// at a time, as `runs:question` pushes). What came instead decides how the batch goes on.

export type Waited =
  | { kind: 'asked'; question: TickQuestion }
  | { kind: 'elsewhere'; question: TickQuestion }
  | { kind: 'ended' }
  | { kind: 'gone' }
  | { kind: 'timeout' };

function look(state: RunViewState, runId: string, remaining: ReadonlySet<string>): Waited | undefined {
  if (state.runId !== runId) return { kind: 'gone' };
  const asked = nextBatchQuestion(state.questions, remaining);
  if (asked) return { kind: 'asked', question: asked };
  const other = askedElsewhere(state.questions, remaining);
  if (other) return { kind: 'elsewhere', question: other };
  if (state.run && state.run.status !== 'open') return { kind: 'ended' };
  return undefined;
}

/** Resolves with the next tick question of `remaining`, or with why none came. */
export function awaitTick(runId: string, remaining: ReadonlySet<string>, timeoutMs: number): Promise<Waited> {
  const now = look(useRunView.getState(), runId, remaining);
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const finish = (waited: Waited) => {
      clearTimeout(timer);
      off();
      resolve(waited);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    const off = useRunView.subscribe((state) => {
      const waited = look(state, runId, remaining);
      if (waited) finish(waited);
    });
  });
}
