// The project the screenshots show: `shop-api`, a git repository with release tags whose runbook
// extends the built-in nine steps, a staging environment on this machine and a protected production
// of two hosts behind nginx (on a closed loopback port: whatever tries to reach them is refused at
// once, and nothing leaves this machine), and notification channels. Written as a team would keep them in `.release-pilot/`.

export const releaseTags = ['v1.3.0', 'v1.4.0', 'v1.4.2', 'v1.5.0'];

/** A test run's output: a few hundred lines, coloured as test runners colour them. */
export const testSuiteScript = [
  'printf "\\033[1m> shop-api@1.5.0 test\\033[0m\\n> vitest run --reporter=verbose\\n\\n"',
  'i=1',
  'for suite in cart checkout orders payments inventory search accounts shipping; do',
  '  n=1',
  '  while [ $n -le 36 ]; do',
  '    printf "\\033[32m ✓\\033[0m src/%s/%s.test.ts > case %d \\033[2m(%d ms)\\033[0m\\n" $suite $suite $n $((i % 40 + 2))',
  '    n=$((n + 1)); i=$((i + 1))',
  '  done',
  'done',
  'printf "\\033[33m WARN\\033[0m src/payments/refund.test.ts: slow test (1.8 s)\\n"',
  'printf "\\n \\033[1mTest Files\\033[0m  \\033[32m8 passed\\033[0m (8)\\n      \\033[1mTests\\033[0m  \\033[32m288 passed\\033[0m (288)\\n"',
].join('\n');

/** An image build that is still going when the screenshots are taken: the live output of a running action. */
export const imageBuildScript = [
  'printf "#0 building with \\"default\\" instance using docker driver\\n"',
  'printf "#1 [internal] load build definition from Dockerfile\\n#1 DONE 0.0s\\n"',
  'step=2',
  'for what in "FROM node:20-alpine AS build" "WORKDIR /app" "COPY package*.json ./" "RUN npm ci --omit=dev" "COPY . ." "RUN npm run build"; do',
  '  printf "#%d [build %d/7] %s\\n" $step $((step - 1)) "$what"',
  '  printf "#%d DONE %d.%ds\\n" $step $((step % 4)) $((step * 7 % 10))',
  '  step=$((step + 1))',
  'done',
  'printf "#8 [runtime 1/3] COPY --from=build /app/dist ./dist\\n"',
  'printf "\\033[36m#8 exporting layers…\\033[0m\\n"',
  // Long enough for every screen to be taken; the script cancels the run when it is done.
  'sleep 600',
].join('\n');

export const runbookYaml = `# shop-api's deployment: the built-in nine steps, with our own preparation.
extends: default
title: shop-api deployment
strategy: blue-green
steps:
  - id: preparation
    title: Pre-Deployment Preparation
    owner: devops
    description: Verify the quality gates, run the test suite and build the release image.
    actions:
      - id: resolve-version
        type: git.resolve
        title: Check that \${version} exists in the repository
        ref: \${version}
      - { id: test-suite, type: shell, title: Run the test suite, argv: [sh, ci/test-suite.sh] }
      - { id: build-image, type: shell, title: "Build image shop-api:\${version}", argv: [sh, ci/build-image.sh] }
    checklists:
      - title: Pre-Deployment Checklist
        items:
          - { id: tests-passing, text: "All tests passing (unit, integration, E2E)", before: true }
          - { id: coverage, text: Test coverage >80%, before: true }
          - { id: no-critical-bugs, text: No critical or high bugs, before: true }
          - { id: security-scan, text: Security scan clean, before: true }
          - { id: release-notes, text: Release notes prepared, before: true }
      - title: "Gate 1: Readiness"
        gate: 1
        items:
          - { id: gate1-quality-gates, text: All quality gates passed }
          - { id: gate1-benchmarks, text: Performance benchmarks met }
`;

const pin = 'SHA256:uXbVxRzN2Kx7Zk1yYm3Jv0h8qP4s5t6w7x8y9z0AbCd';

export const environmentsYaml = `environments:
  staging:
    description: Staging, on this machine's Docker engine.
    docker: { via: local }
    app:
      image: shop-api
      container: shop-api-staging
      ports: ["18090:8080"]
    urls:
      health: http://127.0.0.1:18090/health

  production:
    description: Production. Needs the same version passed on staging, the tech lead's approval and typed confirmation.
    protected: true
    requires: [staging]
    approvals: [tech-lead]
    hosts:
      - { name: prod-1, address: 127.0.0.1, port: 1, user: deploy, hostKey: "${pin}" }
      - { name: prod-2, address: 127.0.0.1, port: 1, user: deploy, hostKey: "${pin}" }
    docker: { via: ssh }
    app:
      image: registry.internal:5000/shop-api
      container: shop-api
    urls:
      health: https://shop.example.com/health
      smoke: [https://shop.example.com/version]
    proxy:
      kind: nginx
      host: prod-1
      upstreamFile: /etc/nginx/conf.d/shop-api-upstream.conf
    deploy:
      slots: { blue: 18081, green: 18082 }
    monitoring:
      probes: { url: https://shop.example.com/health, rate: 5 }
      watch: 30m
`;

export const notificationsYaml = `channels:
  - name: releases-slack
    kind: slack
    url: \${secret:SLACK_RELEASES_URL}
  - name: ops-teams
    kind: teams
    url: \${secret:TEAMS_OPS_URL}
    on: [approval-requested, failed, rolled-back, finished]
  - name: stakeholders
    kind: email
    environments: [production]
    on: [run-started, rolled-back, finished]
    email:
      host: smtp.example.com
      user: release-pilot
      password: \${secret:SMTP_PASSWORD}
      from: Release Pilot <release-pilot@example.com>
      to: [product@example.com, support@example.com]
`;
