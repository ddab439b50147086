import { Notification } from 'electron';
import type { EventSink } from '../../shared/api/handlers';
import { questionSummary } from './question-summary';

/**
 * A desktop notification for every question a run asks, from the typed `runs:question` event, so
 * a run waiting for a person is seen while the window is hidden behind others. The renderer's web
 * notifications stay off (permissions.ts): one notification per question, not two. A click brings
 * the window forward, where the toast links to the question.
 */
export function notifyQuestions(events: EventSink, focus: () => void, isFocused: () => boolean): () => void {
  return events.subscribe((name, payload) => {
    if (name !== 'runs:question' || !Notification.isSupported()) return;
    const { question } = payload as { question: Parameters<typeof questionSummary>[0] | null };
    if (!question || isFocused()) return;
    const note = new Notification({ title: 'Release Pilot: a run waits for you', body: questionSummary(question) });
    note.on('click', focus);
    note.show();
  });
}
