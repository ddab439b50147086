import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { describePlan } from '../../../shared/plans/describe-plan';
import { makeLabProject } from '../test-lab/lab-project';
import { closedPort } from '../test-support/closed-port';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';

// The start dialog's two questions, through the engine's handlers on a real git repository:
// which versions can I pick (`projects:versions`), and what would this run do (`runs:preview`).

const ctx = { transport: 'direct' as const };

const runbook = `
title: Preview demo
roles: { devops: DevOps Engineer, qa: QA Engineer }
strategy: rolling
steps:
  - id: prepare
    title: Prepare
    owner: devops
    checklists:
      - title: Readiness
        gate: 1
        items:
          - { id: tests, text: All tests passing, before: true }
          - { id: health, text: Health answers, check: { type: http, url: 'http://127.0.0.1:1/health' } }
    actions:
      - { id: build, type: shell, argv: [sh, -c, 'echo building \${version}'] }
      - { id: oops, type: shell, argv: [echo, '\${nope}'] }
  - id: deploy
    title: Deploy
    owner: devops
    approvals: [qa]
    actions:
      - { id: ship, type: deploy }
  - id: prod-only
    title: Production only
    owner: devops
    environments: [production]
    actions:
      - { id: x, type: shell, argv: [true] }
`;

async function environments(dir: string): Promise<string> {
  const port = await closedPort();
  mkdirSync(join(dir, 'keys'), { recursive: true });
  writeFileSync(join(dir, 'keys', 'known_hosts'), '');
  const host = (name: string) =>
    `      - { name: ${name}, address: 127.0.0.1, port: ${port}, user: root, knownHosts: keys/known_hosts, appUrl: 'http://127.0.0.1:${port}' }`;
  return [
    'environments:',
    '  staging:',
    '    docker: { via: ssh }',
    '    app: { image: shop, container: shop, ports: ["8080:80"] }',
    '    hosts:',
    host('web-1'),
    host('web-2'),
    '    variables: { token: "${secret:SHOP_TOKEN}" }',
    '  production:',
    '    protected: true',
  ].join('\n');
}

describe('the start dialog API', () => {
  const tempDir = useTempDirs('rp-preview-');

  async function setup() {
    const root = tempDir();
    makeLabProject(root, { runbook, environments: '' }, ['v1.0.0', 'v1.2.0', 'v1.10.0']);
    writeFileSync(join(root, '.release-pilot', 'environments.yml'), await environments(root));
    const engine = testEngine(tempDir());
    const { id: projectId } = await engine.handlers['projects:open']({ path: root }, ctx);
    return { engine, root, projectId };
  }

  it('offers the tags newest version first and the commits from HEAD', async () => {
    const { engine, projectId } = await setup();
    const versions = await engine.handlers['projects:versions']({ projectId }, ctx);
    expect(versions.tags.map((t) => t.name)).toEqual(['v1.10.0', 'v1.2.0', 'v1.0.0']);
    expect(versions.tags[0]?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(versions.commits.map((c) => c.subject)).toEqual(['release v1.10.0', 'release v1.2.0', 'release v1.0.0']);
    expect(versions.commits[0]).toMatchObject({ author: 'Lab', shortSha: expect.stringMatching(/^[0-9a-f]{7,}$/) });
    expect(versions.commits[0]?.sha.startsWith(versions.commits[0]!.shortSha)).toBe(true);
    expect(new Date(versions.commits[0]!.date).getTime()).not.toBeNaN();
  });

  it('previews every step, each plan, the deploy per host and what is missing, with its hosts down', async () => {
    const { engine, projectId, root } = await setup();
    const started = Date.now();
    const preview = await engine.handlers['runs:preview'](
      { projectId, environment: 'staging', version: 'v1.2.0' },
      ctx,
    );
    // The hosts refuse connections: the preview still answers, promptly, with no live version.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(preview).toMatchObject({
      runbookTitle: 'Preview demo',
      environment: 'staging',
      protected: false,
      version: 'v1.2.0',
      strategy: 'rolling',
      defaultStrategy: 'rolling',
      roles: { devops: 'DevOps Engineer', qa: 'QA Engineer' },
      hosts: ['web-1', 'web-2'],
      previousVersion: undefined,
      missingSecrets: [{ name: 'SHOP_TOKEN', howToSet: expect.stringContaining('SHOP_TOKEN') }],
    });
    expect(preview.commit).toMatch(/^[0-9a-f]{40}$/);
    const [prepare, deploy, prodOnly] = preview.steps;
    expect(prepare?.items).toEqual([
      { key: 'prepare.tests', text: 'All tests passing', gate: 1, before: true },
      { key: 'prepare.health', text: 'Health answers', gate: 1, before: false, check: 'http' },
    ]);
    const build = prepare?.actions[0];
    expect(build?.plan && describePlan(build.plan)).toBe(`$ sh -c 'echo building v1.2.0'   (in ${root})`);
    expect(prepare?.actions[1]).toMatchObject({ key: 'prepare.oops', problem: expect.stringContaining('nope') });
    expect(deploy?.approvals).toEqual(['qa']);
    const ship = deploy?.actions[0];
    expect(ship?.plan).toMatchObject({ kind: 'deploy', strategy: 'rolling', version: 'v1.2.0' });
    expect(ship?.stages?.flatMap((s) => s.hosts)).toEqual(expect.arrayContaining(['web-1', 'web-2']));
    expect(prodOnly).toMatchObject({ skipped: expect.stringContaining('production only'), actions: [] });

    // Another strategy is previewed as asked, against the same runbook default.
    const recreate = await engine.handlers['runs:preview'](
      { projectId, environment: 'staging', version: 'v1.2.0', strategy: 'recreate' },
      ctx,
    );
    expect(recreate).toMatchObject({ strategy: 'recreate', defaultStrategy: 'rolling' });
    expect(recreate.steps[1]?.actions[0]?.stages?.map((s) => s.id)).toEqual(['stop-old', 'start-new', 'health']);
  });

  it('refuses a bad request with what to fix: environment, version, strategy, project', async () => {
    const { engine, projectId } = await setup();
    const preview = (request: { environment: string; version: string; strategy?: string }) =>
      rejectionOf(engine.handlers['runs:preview']({ projectId, ...request }, ctx), ApiError);

    const noEnv = await preview({ environment: 'qa', version: 'v1.2.0' });
    expect(noEnv).toMatchObject({ code: 'invalid-project', message: expect.stringContaining('no environment "qa"') });
    expect(noEnv.message).toContain('environments: staging, production');
    expect(await preview({ environment: 'staging', version: '--upload-pack=evil' })).toMatchObject({
      code: 'invalid-project',
      message: expect.stringContaining('"--upload-pack=evil" is not a version: give a tag, branch or commit'),
    });
    expect(await preview({ environment: 'staging', version: 'v1.2.0', strategy: 'big-bang' })).toMatchObject({
      code: 'invalid-project',
      message: expect.stringContaining('unknown strategy "big-bang": use one of blue-green'),
    });
    const unknownProject = await rejectionOf(
      engine.handlers['projects:versions']({ projectId: 'feedfacecafe' }, ctx),
      ApiError,
    );
    expect(unknownProject).toMatchObject({ code: 'not-found', message: 'no open project with id feedfacecafe' });
  });

  it('says a project folder that is not a git repository has no versions, naming the folder', async () => {
    const root = tempDir();
    mkdirSync(join(root, '.release-pilot'));
    writeFileSync(join(root, '.release-pilot', 'environments.yml'), 'environments:\n  staging: {}\n');
    const engine = testEngine(tempDir());
    const { id: projectId } = await engine.handlers['projects:open']({ path: root }, ctx);
    const error = await rejectionOf(engine.handlers['projects:versions']({ projectId }, ctx), ApiError);
    expect(error.code).toBe('invalid-project');
    expect(error.message).toContain(`${root}: not a git repository`);
    expect(error.message).toContain("versions are read from the project's git tags and commits");

    // A repository with no commit yet has nothing to offer, and says so by empty lists.
    execFileSync('git', ['init', '-q', root]);
    expect(await engine.handlers['projects:versions']({ projectId }, ctx)).toEqual({ tags: [], commits: [] });
  });
});
