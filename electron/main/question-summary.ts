import type { Question } from '../../shared/api/schemas/run-control';

// The one line a desktop notification says about a question (no Electron here, so it is tested
// in plain Node). The window's dialog says the rest.

export function questionSummary(question: Question): string {
  switch (question.kind) {
    case 'tick':
      return `Sign off “${question.text}”`;
    case 'approve':
      return `Approval by ${question.roleTitle} for “${question.step}”`;
    case 'failure':
      return `“${question.title}” failed: decide what happens next`;
    case 'confirm':
      return `Confirm the deployment to ${question.environment}`;
    case 'manual':
      return `Manual step: ${question.instructions.split('\n')[0]}`;
    case 'break-lock':
      return `The environment is locked by ${question.holder}`;
  }
}
