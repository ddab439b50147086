import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { makeLabProject } from '../../electron/core/test-lab/lab-project';

// A real project for the run wizard: a git repository with version tags, two runbooks (a guided
// release and one whose health check loses its server mid-step) and environments whose health
// URLs point at real HTTP servers on 127.0.0.1. Shell actions wait for files the test creates, so
// "while it runs" is a moment the test controls rather than a race.

export interface HealthServer {
  url: string;
  stop(): Promise<void>;
}

/** GET /health → 200 "ok" on a free loopback port. */
export async function startHealthServer(): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    response.writeHead(request.url === '/health' ? 200 : 404, { 'content-type': 'text/plain', connection: 'close' });
    response.end(request.url === '/health' ? 'ok\n' : 'not found\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/health`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface WizardProject {
  root: string;
  /** Created by the test to let the build action finish (it prints, then waits for this file). */
  buildGo: string;
  /** Created by the test to let the outage runbook reach its health check. */
  outageGo: string;
}

const release = (buildGo: string, marker: string) => `
id: release
title: Shop API release
roles: { release-manager: Release Manager, devops: DevOps Engineer, qa: QA Engineer }
strategy: rolling
steps:
  - id: prepare
    title: Preparation
    owner: release-manager
    checklists:
      - title: Readiness
        gate: 1
        items:
          - { id: tests, text: All tests passing on main, before: true }
          - { id: notes, text: Release notes written, before: true }
    actions:
      - id: build
        type: shell
        title: Build the release
        argv:
          - sh
          - -c
          - |
            echo "building shop-api \${version}"
            echo "compiling 42 modules"
            while [ ! -f "${buildGo}" ]; do sleep 0.05; done
            echo "build finished"
  - id: staging
    title: Staging deployment
    owner: devops
    approvals: [qa]
    actions:
      - id: migrate
        type: shell
        title: Run database migrations
        argv: [sh, -c, 'test -f "$0" || { touch "$0"; echo "migration lock is busy" >&2; exit 1; }; echo "3 migrations applied"', '${marker}']
      - { id: health, type: http.check, title: Health check, expectStatus: 200, attempts: 3, interval: 200ms }
    checklists:
      - title: Staging validation
        gate: 2
        items:
          - { id: smoke, text: Smoke tests pass on staging }
`;

const outage = (outageGo: string) => `
id: outage
title: Health-checked restart
roles: { devops: DevOps Engineer }
steps:
  - id: restart
    title: Restart and check
    owner: devops
    actions:
      - id: restart
        type: shell
        title: Restart the service
        argv: [sh, -c, 'echo restarting; while [ ! -f "${outageGo}" ]; do sleep 0.05; done; echo restarted']
      - { id: health, type: http.check, title: Health check, expectStatus: 200, timeout: 5s }
`;

export function makeWizardProject(root: string, health: { staging: string; outage: string }): WizardProject {
  const scratch = join(root, '..', `${root.split('/').at(-1)}-files`);
  mkdirSync(scratch, { recursive: true });
  const buildGo = join(scratch, 'build-go');
  const outageGo = join(scratch, 'outage-go');
  const environments = [
    'environments:',
    '  staging:',
    `    urls: { health: '${health.staging}' }`,
    '  outage:',
    `    urls: { health: '${health.outage}' }`,
    '  production:',
    '    protected: true',
    '    requires: [staging]',
    `    urls: { health: '${health.staging}' }`,
    '',
  ].join('\n');
  makeLabProject(root, { runbook: release(buildGo, join(scratch, 'migrate-marker')), environments }, [
    'v1.0.0',
    'v1.1.0',
    'v1.2.0',
  ]);
  mkdirSync(join(root, '.release-pilot', 'runbooks'), { recursive: true });
  writeFileSync(join(root, '.release-pilot', 'runbooks', 'outage.yml'), outage(outageGo));
  return { root, buildGo, outageGo };
}
