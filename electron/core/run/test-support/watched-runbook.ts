// The runbook the monitored run labs share: a production step that deploys by a strategy, a
// monitoring step that watches for `watch`, and the alert rules (seed syntax) that judge it.

/** An alert rule that rolls back once the error rate stays above 10 % for `forTime`. */
export const rollbackRule = (name: string, forTime: string) =>
  `{ name: ${name}, condition: error_rate > 10%, for: ${forTime}, severity: critical, action: rollback }`;

export function watchedRunbook(options: {
  title: string;
  strategy: string;
  watch: string;
  alerts: string[];
  /** Actions of the runbook's own rollback, if any. */
  rollback?: string[];
}): string {
  const list = (items: string[], indent: string) => items.map((item) => `${indent}- ${item}\n`).join('');
  return `
title: ${options.title}
roles: { devops: DevOps Engineer }
strategy: ${options.strategy}
steps:
  - id: production
    title: Production
    owner: devops
    actions:
      - { id: deploy, type: deploy }
  - id: monitoring
    title: Monitoring
    owner: devops
    actions:
      - { id: watch, type: watch, duration: ${options.watch} }
alerts:
${list(options.alerts, '  ')}${options.rollback ? `rollback:\n  actions:\n${list(options.rollback, '    ')}` : ''}`;
}
