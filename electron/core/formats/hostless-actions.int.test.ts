import { describe, expect, it } from 'vitest';
import { makeLabProject } from '../test-lab/lab-project';
import { useTempDirs } from '../test-support/temp-dir';
import { loadProject } from './load-project';

// An environment without hosts cannot run ssh actions, nor Docker actions when it reaches Docker
// over SSH: the runner refuses them when the run reaches them. validate says so first, at the
// action, naming the environment (a real project folder, loaded as `validate` loads it).

const runbook = `id: web
title: Web release
roles: { devops: DevOps Engineer }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    actions:
      - { type: docker.stop, container: web }
      - { type: ssh.exec, argv: [uptime] }
      - { type: shell, argv: ["true"] }
  - id: local-only
    title: Local
    owner: devops
    environments: [local]
    actions:
      - { type: docker.stop, container: web }
`;

const environments = `environments:
  staging:
    docker: { via: ssh }
  local: {}
`;

describe('actions an environment without hosts refuses', () => {
  const tempDir = useTempDirs();

  it('are reported by validate at the action, naming the environments', async () => {
    const { root } = makeLabProject(tempDir(), { runbook, environments });
    const project = await loadProject(root);
    expect(project.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.field}: ${p.message}`)).toEqual([
      '9:17 warning steps[0].actions[0].type: environment "staging" reaches Docker over SSH but has no hosts: a run there refuses this action (add hosts:, or limit the step with environments:)',
      '10:17 warning steps[0].actions[1].type: environments "staging", "local" have no hosts to run ssh actions on: a run there refuses this action (add hosts:, or limit the step with environments:)',
    ]);
  });
});
