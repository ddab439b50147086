import { useState } from 'react';
import type { Answer } from '../../../../../shared/api/schemas/run-control';
import { useSessionDraft } from '../../../lib/use-session-draft';
import { answerQuestion } from '../live/answer';

// What every question dialog shares: its fields kept as a session draft under the question's id
// (a failed answer or a reload keeps them), and sending the answer once, closing when it is taken
// (or when someone else's answer came first).

export type Fields = Record<string, string>;

export function isFields(value: unknown): value is Fields {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value as Record<string, unknown>).every((v) => typeof v === 'string')
  );
}

export function useAnswer(runId: string, questionId: string, initial: Fields, onClose: () => void) {
  const { draft, update, discard } = useSessionDraft(`run-answer.${questionId}`, isFields);
  const fields: Fields = { ...initial, ...draft };
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const set = (name: string, value: string) => {
    update({ ...fields, [name]: value });
    setError(undefined);
  };

  const send = async (answer: Answer) => {
    setBusy(true);
    setError(undefined);
    const outcome = await answerQuestion(runId, questionId, answer);
    setBusy(false);
    if (outcome.kind === 'failed') {
      setError(outcome.message);
      return;
    }
    discard();
    onClose();
  };

  return { fields, set, send, error, setError, busy };
}
