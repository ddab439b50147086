import type { Question } from '../../../../../shared/api/schemas/run-control';
import { Button } from '../../../ui/button';
import { Hand } from '../run-icons';
import { questionText } from './questions';

/** Everything the run waits for right now, oldest first, each one keystroke from its dialog. */
export function QuestionsBar({
  questions,
  stepTitle,
  onAnswer,
}: {
  questions: readonly Question[];
  stepTitle(id: string): string;
  onAnswer(question: Question): void;
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
          return (
            <li key={question.id} className={`question question-${question.kind}`}>
              <span className="question-text">{what}</span>
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
