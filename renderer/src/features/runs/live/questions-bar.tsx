import type { Question } from '../../../../../shared/api/schemas/run-control';
import { Button } from '../../../ui/button';
import { Hand } from '../run-icons';
import { questionText } from './questions';
import type { SignOffBatch } from './sign-off-batch';

/** Everything the run waits for right now, oldest first, each one keystroke from its dialog. */
export function QuestionsBar({
  questions,
  stepTitle,
  onAnswer,
  batchFor,
  onBatch,
}: {
  questions: readonly Question[];
  stepTitle(id: string): string;
  onAnswer(question: Question): void;
  /** A sign-off whose checklist has more items waiting offers them all at once (the run is live here). */
  batchFor?(question: Question): SignOffBatch | undefined;
  onBatch?(batch: SignOffBatch, question: Question): void;
}) {
  if (questions.length === 0) return null;
  return (
    <section className="questions" aria-labelledby="questions-title">
      <h2 id="questions-title" className="questions-title">
        <Hand size={15} aria-hidden /> Waiting for you
      </h2>
      <ul>
        {questions.map((question) => {
          const { what, button } = questionText(question, stepTitle);
          const batch = onBatch ? batchFor?.(question) : undefined;
          return (
            <li key={question.id} className={`question question-${question.kind}`}>
              <span className="question-text">{what}</span>
              {batch ? (
                <Button size="sm" onClick={() => onBatch?.(batch, question)}>
                  Sign off all ({batch.items.length})…
                </Button>
              ) : null}
              <Button
                size="sm"
                variant={question.kind === 'failure' ? 'danger' : 'primary'}
                onClick={() => onAnswer(question)}
              >
                {button}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
