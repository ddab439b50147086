import { approvalRefusal, confirmationRefusal } from '../runs/answer-rules';
import type { Answers } from './answers-schema';
import type { Runbook } from './runbook-schema';

// An answers file that breaks an answer rule would be refused by the run at its question, and a
// file cannot answer again: found before anything runs (no journal, no lock), naming the key.

export interface AnswerRuleProblem {
  /** The answers file's key, as written: `approvals."tech-lead"`, `confirm`. */
  key: string;
  reason: string;
}

export function answerRuleProblems(
  answers: Answers,
  runbook: Runbook,
  environment: { name: string; protected: boolean; approvals: readonly string[] },
): AnswerRuleProblem[] {
  const problems: AnswerRuleProblem[] = [];
  // The roles this run asks: its steps' (those that apply here) and the environment's own.
  const asked = new Set([
    ...runbook.steps
      .filter((step) => !step.environments || step.environments.includes(environment.name))
      .flatMap((step) => step.approvals),
    ...environment.approvals,
  ]);
  for (const role of asked) {
    const entry = Object.hasOwn(answers.approvals, role) ? answers.approvals[role] : undefined;
    if (!entry) continue;
    const reason = approvalRefusal({
      environment: environment.name,
      protected: environment.protected,
      operator: answers.operator.name,
      by: entry.by,
      roleTitle: runbook.roles[role] ?? role,
    });
    if (reason) problems.push({ key: `approvals."${role}"`, reason });
  }
  if (environment.protected && answers.confirm !== undefined) {
    const reason = confirmationRefusal(environment.name, answers.confirm);
    if (reason) problems.push({ key: 'confirm', reason });
  }
  return problems;
}
