import { create } from 'zustand';
import type { Question } from '../../../../../shared/api/schemas/run-control';
import { api } from '../../../api/client';
import { type Attention, withEvent, withQuestion, withQuestions } from './attention';

// The app-wide attention (attention.ts), kept live from `runs:question` and `runs:event` whatever
// screen is shown, and seeded from `runs:live` for the open runs when the app starts or reconnects.

export interface AttentionState {
  attention: Attention;
  /** The newest question, for the toast: shown until dismissed or no longer open. */
  latest?: Question;
  dismissed?: string;
  dismiss(questionId: string): void;
}

export const useAttention = create<AttentionState>()((set) => ({
  attention: {},
  dismiss: (questionId) => set({ dismissed: questionId }),
}));

/** Asks the host for the open questions of every open run (a missed push is not missed for long). */
export async function seedAttention(): Promise<void> {
  const runs = await api.runs.list().catch(() => []);
  for (const run of runs.filter((r) => r.status === 'open')) {
    const live = await api.runs.live({ runId: run.id }).catch(() => undefined);
    if (live) useAttention.setState((s) => ({ attention: withQuestions(s.attention, run.id, live.questions) }));
  }
}

export function subscribeToAttention(onQuestion: (question: Question) => void): () => void {
  const offQuestion = api.on('runs:question', (push) => {
    useAttention.setState((s) => ({
      attention: withQuestion(s.attention, push),
      latest: push.question ?? s.latest,
    }));
    if (push.question) onQuestion(push.question);
  });
  const offEvent = api.on('runs:event', (push) => {
    useAttention.setState((s) => ({ attention: withEvent(s.attention, push.runId, push.event) }));
  });
  return () => {
    offQuestion();
    offEvent();
  };
}

/** The toast's question: the newest one, while it is still open and not dismissed. */
export function toastQuestion(state: AttentionState): Question | undefined {
  const latest = state.latest;
  if (!latest || latest.id === state.dismissed) return undefined;
  return state.attention[latest.runId]?.questions.some((q) => q.id === latest.id) ? latest : undefined;
}
