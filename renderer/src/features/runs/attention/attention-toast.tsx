import { useState } from 'react';
import { hrefFor } from '../../../app/routes';
import { Button, LinkButton } from '../../../ui/button';
import { questionText } from '../live/questions';
import { useRuns } from '../runs-store';
import { toastQuestion, useAttention } from './attention-store';
import { mayAskToNotify } from './desktop-notification';
import './attention-toast.css';

/**
 * A run asked something while another screen is shown: say so in a corner, with a link to the
 * question. Not on the run's own view, which already shows it; gone once answered or withdrawn.
 */
export function AttentionToast({ shownRunId }: { shownRunId?: string }) {
  const question = useAttention(toastQuestion);
  const dismiss = useAttention((s) => s.dismiss);
  const run = useRuns((s) => s.runs.find((r) => r.id === question?.runId));
  const [askable, setAskable] = useState(mayAskToNotify);
  if (!question || question.runId === shownRunId) return null;
  const where = run ? `${run.version} to ${run.environment}` : 'A run';
  return (
    <section className="attention-toast" role="status" aria-label="A run waits for you">
      <p className="attention-toast-title">{where} waits for you</p>
      <p className="attention-toast-body">{questionText(question, (step) => step).what}</p>
      <div className="attention-toast-actions">
        <LinkButton variant="primary" size="sm" href={hrefFor('runs', question.runId)}>
          Open the question
        </LinkButton>
        {askable ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => void Notification.requestPermission().then(() => setAskable(mayAskToNotify()))}
          >
            Notify me on the desktop
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" onClick={() => dismiss(question.id)}>
          Dismiss
        </Button>
      </div>
    </section>
  );
}
