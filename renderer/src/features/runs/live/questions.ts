import type { Question } from '../../../../../shared/api/schemas/run-control';

// Which open question belongs to which thing on screen (an item's sign-off, a role's approval,
// an action's failure), and how each reads in the "waiting for you" list.

export function tickFor(questions: readonly Question[], item: string) {
  return questions.find((q): q is Extract<Question, { kind: 'tick' }> => q.kind === 'tick' && q.item === item);
}

export function approvalFor(questions: readonly Question[], step: string, role: string) {
  return questions.find(
    (q): q is Extract<Question, { kind: 'approve' }> => q.kind === 'approve' && q.step === step && q.role === role,
  );
}

export function failureFor(questions: readonly Question[], action: string) {
  return questions.find(
    (q): q is Extract<Question, { kind: 'failure' }> => q.kind === 'failure' && q.action === action,
  );
}

/**
 * Questions that stop everything until answered open their dialog by themselves; so does a question
 * asked again because its answer was refused: the dialog the person just submitted closed on
 * sending, and without coming back it would read as accepted.
 */
export function opensItself(question: Question): boolean {
  if ('refused' in question && question.refused) return true;
  return question.kind === 'failure' || question.kind === 'confirm' || question.kind === 'break-lock';
}

export function questionText(question: Question, stepTitle: (id: string) => string): { what: string; button: string } {
  switch (question.kind) {
    case 'tick':
      return { what: `Sign off “${question.text}” (${stepTitle(question.step)})`, button: 'Sign off…' };
    case 'approve':
      return {
        what: `Approval by ${question.roleTitle} for “${stepTitle(question.step)}”${question.refused ? ` — asked again, refused: ${question.refused}` : ''}`,
        button: 'Approve…',
      };
    case 'failure':
      return {
        what: `“${question.title}” failed (attempt ${question.attempt}): ${question.error.message}`,
        button: 'Decide…',
      };
    case 'confirm':
      return {
        what: `Confirm the deployment to ${question.environment} by typing its name${question.refused ? ` — asked again, refused: ${question.refused}` : ''}`,
        button: 'Confirm…',
      };
    case 'manual':
      return { what: `Manual step: ${question.instructions.split('\n')[0]}`, button: 'Continue…' };
    case 'break-lock':
      return { what: `The environment is locked by ${question.holder}`, button: 'Decide…' };
  }
}
