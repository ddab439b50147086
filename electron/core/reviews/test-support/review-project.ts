import { makeLabProject } from '../../test-lab/lab-project';

// A project for the offline review's tests: a runbook with quality gates 1–4, an automatic item,
// exit criteria and a rollback checklist, and environments whose hosts point at closed ports on
// 127.0.0.1, so any attempt to reach them would fail (the review must never try).

export const reviewRunbook = `
id: deploy
title: Production deployment
roles: { devops: DevOps Engineer, qa: QA Lead, tech-lead: Tech Lead }
steps:
  - id: prepare
    title: Preparation
    owner: devops
    description: Freeze the branch and check the build.
    checklists:
      - title: Readiness
        gate: 1
        items:
          - { id: tests, text: All tests passing }
          - { id: bugs, text: No critical or high bugs | triaged }
          - id: coverage
            text: Coverage at least 80 %
            check: { type: coverage, file: coverage/coverage-summary.json, min: 80 }
  - id: staging
    title: Staging deployment
    owner: devops
    environments: [staging]
    checklists:
      - title: Staging checks
        gate: 2
        items:
          - { id: smoke, text: Staging smoke tests pass }
  - id: production
    title: Production deployment
    owner: devops
    approvals: [tech-lead]
    actions:
      - { id: deploy, type: shell, argv: [echo, deploying] }
    checklists:
      - title: Go / no-go
        gate: 3
        items:
          - { id: backup, text: Database backup verified, before: true }
  - id: verify
    title: Verification
    owner: qa
    checklists:
      - title: Monitoring
        gate: 4
        items:
          - { id: dashboards, text: Dashboards reviewed }
alerts:
  - { name: high-error-rate, condition: error_rate > 5%, for: 30s, severity: critical, action: rollback }
  - { name: slow-p95, condition: p95_latency > 2s, for: 1m, severity: warning, action: notify }
rollback:
  checklists:
    - title: Rollback verification
      items:
        - { id: healthy, text: Previous version healthy }
exitCriteria:
  - { id: notes, text: Release notes published }
`;

/** Environments whose SSH hosts listen nowhere (`ports` must be closed ports on 127.0.0.1). */
export function unreachableEnvironments(ports: readonly number[]): string {
  const hosts = ports
    .map(
      (port, i) =>
        `      - { name: web-${i + 1}, address: 127.0.0.1, port: ${port}, user: deploy, hostKey: "SHA256:${'A'.repeat(43)}" }`,
    )
    .join('\n');
  return `environments:\n  staging:\n    hosts:\n${hosts}\n  production:\n    protected: true\n    hosts:\n${hosts}\n`;
}

export function makeReviewProject(root: string, closedPorts: readonly number[]) {
  return makeLabProject(root, { runbook: reviewRunbook, environments: unreachableEnvironments(closedPorts) });
}
