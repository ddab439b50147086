import type { ReviewOutline } from '../../api/schemas/review';

/** A small runbook outline for the review's tests: gates 1–3, an automatic item, exit criteria, rollback. */
export function sampleOutline(): ReviewOutline {
  return {
    project: { id: 'abc123def456', name: 'shop-api' },
    runbook: {
      id: 'deploy',
      title: 'Production deployment',
      file: '.release-pilot/runbooks/deploy.yml',
      builtIn: false,
    },
    roles: { devops: 'DevOps Engineer', qa: 'QA Lead' },
    steps: [
      {
        id: 'prepare',
        title: 'Preparation',
        owner: 'devops',
        approvals: [],
        actionCount: 2,
        checklists: [
          {
            title: 'Readiness',
            gate: 1,
            items: [
              { key: 'prepare.tests', id: 'tests', text: 'All tests passing', before: false },
              {
                key: 'prepare.coverage',
                id: 'coverage',
                text: 'Coverage at least 80 %',
                before: false,
                check: 'lines coverage at least 80 % in coverage/coverage-summary.json',
              },
            ],
          },
        ],
      },
      {
        id: 'production',
        title: 'Production deployment',
        owner: 'devops',
        environments: ['production'],
        approvals: ['qa'],
        actionCount: 1,
        checklists: [
          {
            title: 'Go / no-go',
            gate: 3,
            items: [{ key: 'production.backup', id: 'backup', text: 'Database backup verified', before: true }],
          },
        ],
      },
    ],
    exitCriteria: [{ key: '@exit.notes', id: 'notes', text: 'Release notes published', before: false }],
    rollback: [
      {
        title: 'Rollback verification',
        items: [{ key: '@rollback.healthy', id: 'healthy', text: 'Previous version healthy', before: false }],
      },
    ],
    problems: [],
  };
}
