import { type LabProject, makeLabProject } from '../../test-lab/lab-project';
import { runStarted, writeJournal } from './write-journal';

// A project to plan against: a git repository with v1.0.0 and v1.1.0, a rolling runbook with a
// rollback and an alert rule, staging and a protected production of two hosts (unreachable: a plan
// never connects to them), and a data folder whose run history (a run of this project) says
// production runs v1.0.0.

const pin = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const planRunbook = `id: web
title: Web release
roles: { devops: DevOps Engineer, tech-lead: Tech Lead }
strategy: rolling
steps:
  - id: deploy
    title: Deploy | restart
    owner: devops
    approvals: [tech-lead]
    actions:
      - { id: restart, type: ssh.exec, argv: [systemctl, restart, app] }
      - { id: one, type: ssh.exec, hosts: [web-2], argv: ["true"] }
rollback:
  actions:
    - { type: ssh.exec, argv: [systemctl, restart, app-previous] }
alerts:
  - { name: HighErrorRate, condition: error_rate > 5%, for: 5m, severity: critical, action: rollback }
`;

export const planEnvironments = `environments:
  staging:
    hosts: [{ name: web-1, address: 127.0.0.1, port: 1, hostKey: "${pin}" }]
  production:
    protected: true
    hosts:
      - { name: web-1, address: 127.0.0.1, port: 1, hostKey: "${pin}" }
      - { name: web-2, address: 127.0.0.1, port: 1, hostKey: "${pin}" }
    app: { image: shop/web, container: rp-plan-test-absent }
    urls: { health: "http://127.0.0.1:1/health" }
`;

export async function planProject(
  root: string,
  dataDir: string,
): Promise<{ root: string; dataDir: string; project: LabProject }> {
  const project = makeLabProject(root, { runbook: planRunbook, environments: planEnvironments });
  const runId = '20260601-100000-production-abcd';
  await writeJournal(dataDir, runId, new Date('2026-06-01T10:00:00Z'), [
    [0, 'run.started', runStarted(runId, 'production', 'v1.0.0', { projectPath: root })],
    [60, 'run.finished', { status: 'succeeded' }],
  ]);
  return { root, dataDir, project };
}
