import type { Question } from '../../../../../shared/api/schemas/run-control';
import type { RunEvent } from '../../../../../shared/runs/run-event';

// What, across every run, needs a person now — folded from the pushed questions and journal
// events, so the sidebar, the window title and the toast say it from any screen (issue #14 item 1).

export interface RunAttention {
  questions: Question[];
  rollingBack: boolean;
  /** Rules firing now, by name. */
  firing: string[];
}

export type Attention = Readonly<Record<string, RunAttention>>;

export type AttentionKind = 'waiting' | 'rolling-back' | 'firing';

const none: RunAttention = { questions: [], rollingBack: false, firing: [] };

function put(attention: Attention, runId: string, next: RunAttention): Attention {
  const quiet = next.questions.length === 0 && !next.rollingBack && next.firing.length === 0;
  const { [runId]: _, ...rest } = attention;
  return quiet ? rest : { ...rest, [runId]: next };
}

/** A question asked (added) or gone (`answered`: its id, answered or withdrawn). */
export function withQuestion(
  attention: Attention,
  push: { runId: string; question: Question | null; answered?: string },
): Attention {
  const run = attention[push.runId] ?? none;
  const kept = run.questions.filter((q) => q.id !== push.answered && q.id !== push.question?.id);
  return put(attention, push.runId, { ...run, questions: push.question ? [...kept, push.question] : kept });
}

/** Every open question of one run at once (from `runs:live`). */
export function withQuestions(attention: Attention, runId: string, questions: Question[]): Attention {
  return put(attention, runId, { ...(attention[runId] ?? none), questions });
}

export function withEvent(attention: Attention, runId: string, event: Pick<RunEvent, 'type' | 'data'>): Attention {
  const run = attention[runId] ?? none;
  switch (event.type) {
    case 'rollback.started':
      return put(attention, runId, { ...run, rollingBack: true });
    case 'rollback.finished':
      return put(attention, runId, { ...run, rollingBack: false });
    case 'alert.changed': {
      const rule = String(event.data.rule ?? '');
      const others = run.firing.filter((r) => r !== rule);
      return put(attention, runId, { ...run, firing: event.data.state === 'firing' ? [...others, rule] : others });
    }
    // An ended or interrupted run needs no one: nothing it asked can be answered any more.
    case 'run.finished':
    case 'run.interrupted':
      return put(attention, runId, none);
    default:
      return attention;
  }
}

/** The most pressing kind across all runs: a person is asked, then a rollback, then an alert. */
export function mostPressing(attention: Attention): AttentionKind | undefined {
  const runs = Object.values(attention);
  if (runs.some((r) => r.questions.length > 0)) return 'waiting';
  if (runs.some((r) => r.rollingBack)) return 'rolling-back';
  if (runs.some((r) => r.firing.length > 0)) return 'firing';
  return undefined;
}

const words: Record<AttentionKind, string> = {
  waiting: 'Waiting',
  'rolling-back': 'Rolling back',
  firing: 'Alert firing',
};

export function attentionWord(kind: AttentionKind): string {
  return words[kind];
}

/** "● Waiting — Release Pilot" while something needs a person; the plain name otherwise. */
export function windowTitle(attention: Attention, product = 'Release Pilot'): string {
  const kind = mostPressing(attention);
  return kind ? `● ${words[kind]} — ${product}` : product;
}

/** How many runs need attention (the sidebar badge). */
export function runsNeedingAttention(attention: Attention): number {
  return Object.keys(attention).length;
}
