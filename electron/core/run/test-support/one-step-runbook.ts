// The runbook most run tests need: one step (`deploy` unless named) owned by devops, its actions,
// and optionally the runbook's own rollback. Each test gives only what it checks.

const list = (items: string[], indent: string) => items.map((item) => `${indent}- ${item}\n`).join('');

export function oneStepRunbook(options: {
  title: string;
  /** The roles map; devops only unless given. */
  roles?: string;
  /** The step's id; its title is the id capitalised. */
  step?: string;
  strategy?: string;
  onFailure?: 'rollback';
  actions: string[];
  rollback?: string[];
}): string {
  const step = options.step ?? 'deploy';
  return `
title: ${options.title}
roles: ${options.roles ?? '{ devops: DevOps Engineer }'}
${options.strategy ? `strategy: ${options.strategy}\n` : ''}steps:
  - id: ${step}
    title: ${step[0]!.toUpperCase()}${step.slice(1)}
    owner: devops
${options.onFailure ? `    onFailure: ${options.onFailure}\n` : ''}    actions:
${list(options.actions, '      ')}${options.rollback ? `rollback:\n  actions:\n${list(options.rollback, '    ')}` : ''}`;
}

/** A shell action that creates the file the environment's `marker` variable names: proof the step ran. */
export const touchMarkerAction = `{ type: shell, argv: [sh, -c, 'touch "$0"', '\${env.marker}'] }`;
