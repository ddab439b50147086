import { create } from 'zustand';
import type { Question } from '../../../../../shared/api/schemas/run-control';
import type { RunEvent } from '../../../../../shared/runs/run-event';
import { applyRunEvent, emptyRunState, type RunState } from '../../../../../shared/runs/run-state';
import { api } from '../../../api/client';
import { useConnection } from '../../../app/connection-store';
import { errorMessage } from '../../../lib/error-message';
import { applyExtras, emptyExtras, type RunExtras } from './run-extras';

// The run the run view shows, folded from its journal with the shared reducer and kept live by
// `runs:event`; its open questions from `runs:live`, then `runs:question`. The store outlives the
// screen, so switching to the logs and back during a run shows it at once, with nothing refetched.

export interface RunViewState {
  runId?: string;
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  error?: string;
  run?: RunState;
  extras: RunExtras;
  /** This app drives the run: it can be answered and cancelled here. */
  active: boolean;
  questions: Question[];
  /** News for the person (an answer that came too late), shown once above the run. */
  notice?: string;
  /** Questions the run stopped waiting for, by id: why (said instead of "someone answered"). */
  withdrawn: Record<string, string>;
}

export const useRunView = create<RunViewState>()(() => ({
  phase: 'idle',
  extras: emptyExtras(),
  active: false,
  questions: [],
  withdrawn: {},
}));

let stop: (() => void) | undefined;

/** Shows `runId` (idempotent); `reload` fetches it again (Retry, a reconnect). */
export function watchRun(runId: string, options: { reload?: boolean } = {}): void {
  const current = useRunView.getState();
  if (!options.reload && current.runId === runId && current.phase !== 'failed') return;
  stop?.();
  useRunView.setState({ runId, phase: 'loading', error: undefined, run: undefined, extras: emptyExtras() });
  if (current.runId !== runId) useRunView.setState({ active: false, questions: [], withdrawn: {} });

  let cancelled = false;
  let state: RunState | undefined;
  let extras = emptyExtras();
  // Pushed before the journal was read: applied after it, those the read did not include.
  let heldEvents: RunEvent[] | undefined = [];
  let heldQuestions = true;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const publish = () => {
    timer = undefined;
    if (cancelled || !state) return;
    // An ended run takes no more answers here, whatever the last snapshot said.
    const ended = state.status !== 'open';
    useRunView.setState((s) => ({
      run: { ...state! },
      extras,
      phase: 'ready',
      active: ended ? false : s.active,
      questions: ended ? [] : s.questions,
    }));
  };
  // A burst of events (a monitor window, many hosts) repaints once per frame, not once per line.
  const schedule = () => {
    timer ??= setTimeout(publish, 16);
  };
  const apply = (event: RunEvent) => {
    if (!state || event.seq <= extras.lastSeq) return;
    applyRunEvent(state, event);
    extras = applyExtras(extras, event);
    schedule();
  };

  const offEvent = api.on('runs:event', (push) => {
    if (push.runId !== runId) return;
    if (heldEvents) heldEvents.push(push.event);
    else apply(push.event);
  });
  const offQuestion = api.on('runs:question', (push) => {
    // Until the snapshot answers, pushes are already in it (one ordered connection).
    if (push.runId !== runId || heldQuestions) return;
    const { withdrawn: why, answered } = push;
    // A question shown here went away unanswered: say why, not "someone already answered".
    if (why && answered && useRunView.getState().questions.some((q) => q.id === answered)) {
      useRunView.setState((s) => ({ withdrawn: { ...s.withdrawn, [answered]: why }, notice: `Withdrawn: ${why}` }));
    }
    useRunView.setState((s) => ({
      questions: push.question
        ? [...s.questions.filter((q) => q.id !== push.question!.id), push.question]
        : s.questions.filter((q) => q.id !== push.answered),
    }));
  });
  const offConnection = useConnection.subscribe((now, before) => {
    if (now.status === 'open' && before.status !== 'open' && before.hasBeenOpen) watchRun(runId, { reload: true });
  });
  stop = () => {
    cancelled = true;
    if (timer) clearTimeout(timer);
    offEvent();
    offQuestion();
    offConnection();
  };

  api.runs
    .live({ runId })
    .then((live) => {
      if (cancelled) return;
      heldQuestions = false;
      useRunView.setState({ active: live.active, questions: live.questions });
    })
    .catch(() => {
      heldQuestions = false;
      if (!cancelled) useRunView.setState({ active: false, questions: [] });
    });

  api.runs
    .get({ runId })
    .then((detail) => {
      if (cancelled) return;
      state = emptyRunState(runId);
      for (const event of detail.events) {
        applyRunEvent(state, event);
        extras = applyExtras(extras, event);
      }
      const held = heldEvents ?? [];
      heldEvents = undefined;
      for (const event of held) apply(event);
      publish();
    })
    .catch((error: unknown) => {
      if (cancelled) return;
      heldEvents = undefined;
      useRunView.setState({ phase: 'failed', error: errorMessage(error) });
    });
}

/** The run ended or another screen answered: ask the host again which questions are open. */
export async function refreshQuestions(runId: string): Promise<void> {
  try {
    const live = await api.runs.live({ runId });
    if (useRunView.getState().runId === runId) useRunView.setState({ active: live.active, questions: live.questions });
  } catch {
    // The pushes keep the list right; a failed refresh changes nothing.
  }
}
