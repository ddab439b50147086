import { useEffect, useRef, useState } from 'react';
import { answerQuestion } from '../live/answer';
import { awaitTick, type Waited } from '../live/await-tick';
import { useRunView } from '../live/run-view-store';
import { type SignOffBatch, signedAmong } from '../live/sign-off-batch';
import type { Signer } from './signer-fields';

// Signs a checklist's items one after another with the same signer: each is its own answer (and
// journal line), so the report names the signer of every item. A failure stops the batch where it
// is and says which item failed; what was signed before it stays signed.

/** How long to wait for the run to ask the next item: it asks within milliseconds of an answer. */
const nextItemTimeoutMs = 30_000;

export type ItemOutcome = 'signed' | 'failed';

export interface BatchRun {
  /** Item key → how it went, for the items the batch got to. */
  outcomes: Record<string, ItemOutcome>;
  /** The item being signed now. */
  current?: string;
  done: number;
  total: number;
  running: boolean;
  error?: string;
}

function why(waited: Exclude<Waited, { kind: 'asked' }>, text: string): string {
  switch (waited.kind) {
    case 'elsewhere':
      return `The run now asks about “${waited.question.text}” (${waited.question.checklist}) before “${text}”`;
    case 'ended':
      return `The run ended before “${text}” was asked`;
    case 'gone':
      return 'Another run is shown now';
    case 'timeout':
      return `The run did not ask for “${text}” within ${nextItemTimeoutMs / 1000} s`;
  }
}

export function useBatchSignOff(runId: string, batch: SignOffBatch) {
  const total = batch.items.length;
  const [state, setState] = useState<BatchRun>({ outcomes: {}, done: 0, total, running: false });
  // Closing the dialog (or leaving the run) stops the batch before its next item.
  const stopped = useRef(false);
  useEffect(
    () => () => {
      stopped.current = true;
    },
    [],
  );

  const start = async (signer: Signer): Promise<boolean> => {
    stopped.current = false;
    const signedBefore = Object.entries(state.outcomes).filter(([, o]) => o === 'signed');
    const outcomes: Record<string, ItemOutcome> = Object.fromEntries(signedBefore);
    const remaining = new Set(batch.items.map((item) => item.key).filter((key) => outcomes[key] !== 'signed'));
    const stop = (error: string) => {
      const done = total - remaining.size;
      setState({
        outcomes,
        done,
        total,
        running: false,
        error: `${error}. ${done} of ${total} signed; those stay signed.`,
      });
      return false;
    };
    setState((s) => ({ ...s, running: true, error: undefined }));
    // Items someone else signed meanwhile (another window) are not waited for.
    const prune = () => {
      for (const key of signedAmong(useRunView.getState().run, remaining)) remaining.delete(key);
    };
    while (remaining.size > 0) {
      if (stopped.current) return false;
      const waited = await awaitTick(runId, remaining, nextItemTimeoutMs);
      if (stopped.current) return false;
      prune();
      if (remaining.size === 0) break;
      if (waited.kind !== 'asked') {
        const next = batch.items.find((item) => remaining.has(item.key));
        return stop(why(waited, next?.text ?? ''));
      }
      const question = waited.question;
      setState((s) => ({ ...s, current: question.item }));
      const outcome = await answerQuestion(runId, question.id, { kind: 'tick', ...signer });
      if (outcome.kind !== 'answered') {
        outcomes[question.item] = 'failed';
        return stop(`Stopped at “${question.text}”: ${outcome.message.replace(/\.$/, '')}`);
      }
      outcomes[question.item] = 'signed';
      remaining.delete(question.item);
      setState({ outcomes: { ...outcomes }, current: undefined, done: total - remaining.size, total, running: true });
    }
    setState({ outcomes, done: total, total, running: false });
    return true;
  };

  return { ...state, start };
}
