import type { Question } from '../../../../../shared/api/schemas/run-control';
import { questionText } from '../live/questions';

// A desktop notification for a new question, through the web Notification API: the browser's when
// the person allowed it, and in the Electron window the system's own (Electron grants it).

export function canNotify(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

export function mayAskToNotify(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'default';
}

export function notifyQuestion(question: Question, open: () => void): void {
  if (!canNotify()) return;
  try {
    const note = new Notification('Release Pilot: a run waits for you', {
      body: questionText(question, (step) => step).what,
      tag: question.id,
    });
    note.onclick = () => {
      window.focus();
      open();
    };
  } catch {
    // Some browsers allow notifications only from a service worker: the toast and title still say it.
  }
}
