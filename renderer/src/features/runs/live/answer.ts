import type { Answer } from '../../../../../shared/api/schemas/run-control';
import { api } from '../../../api/client';
import { errorCode, errorMessage } from '../../../lib/error-message';
import { refreshQuestions, useRunView } from './run-view-store';

// Answering a question the run asked. Any window may answer and the first answer wins: a later one
// is refused ('not-found': the question is no longer open; 'conflict': the run is no longer driven
// here). That is not an error to fix but news to show, so it comes back as `stale`.

export type AnswerOutcome =
  | { kind: 'answered' }
  | { kind: 'stale'; message: string }
  | { kind: 'failed'; message: string };

export function isStale(code: string | undefined): boolean {
  return code === 'not-found' || code === 'conflict';
}

export async function answerQuestion(runId: string, questionId: string, answer: Answer): Promise<AnswerOutcome> {
  try {
    await api.runs.answer({ runId, questionId, answer });
    useRunView.setState((s) => ({ questions: s.questions.filter((q) => q.id !== questionId) }));
    return { kind: 'answered' };
  } catch (error) {
    const code = errorCode(error);
    if (!isStale(code)) return { kind: 'failed', message: errorMessage(error) };
    useRunView.setState((s) => ({ questions: s.questions.filter((q) => q.id !== questionId) }));
    void refreshQuestions(runId);
    const withdrawn = useRunView.getState().withdrawn[questionId];
    const message = withdrawn
      ? `Withdrawn: ${withdrawn}`
      : code === 'conflict'
        ? 'The run is no longer driven by this app (it ended, or another window resumed it); nothing was changed.'
        : 'Someone already answered this (in another window); their answer stands.';
    useRunView.setState({ notice: message });
    return { kind: 'stale', message };
  }
}
