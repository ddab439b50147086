import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { builtInRunbookFile } from './built-in-runbook';
import { loadEnvironmentsFile } from './load-environments';
import { loadProject } from './load-project';
import { loadRunbookFile } from './load-runbook';

// Loading real project folders: files on disk, the built-in runbook from resources/, and the
// checks that need both the runbooks and environments.yml.

function write(root: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const twoEnvironments = `environments:
  staging:
    app: { image: web, container: web-staging }
    urls: { health: http://127.0.0.1:18080/health }
  production:
    protected: true
    requires: [staging]
    approvals: [tech-lead]
    app: { image: web, container: web-production }
`;

describe('loading a project', () => {
  const tempDir = useTempDirs();
  const savedResources = process.env.RELEASE_PILOT_RESOURCES_DIR;
  afterEach(() => {
    if (savedResources === undefined) delete process.env.RELEASE_PILOT_RESOURCES_DIR;
    else process.env.RELEASE_PILOT_RESOURCES_DIR = savedResources;
  });

  it('uses the built-in runbook when the project has none, and finds it clean against staging and production', async () => {
    const root = write(tempDir(), { '.release-pilot/environments.yml': twoEnvironments });
    const project = await loadProject(root);
    expect(project.runbooks.map((r) => [r.id, r.file, r.builtIn, r.stepCount])).toEqual([
      ['default', builtInRunbookFile, true, 9],
    ]);
    expect(project.problems).toEqual([]);
    expect(Object.keys(project.environments ?? {})).toEqual(['staging', 'production']);
    expect(project.environments?.production).toMatchObject({ name: 'production', protected: true });
  });

  it('warns, at their positions, about names that do not match across the two files', async () => {
    const root = write(tempDir(), {
      '.release-pilot/runbook.yml': `title: T
roles: { devops: DevOps }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    environments: [staging, prod]
    actions:
      - { type: shell, argv: [echo, '\${env.region}', '\${env.zone}'] }
      - { type: ssh.exec, hosts: [web-9], argv: ['true'] }
`,
      '.release-pilot/environments.yml': `environments:
  staging:
    approvals: [devops, tech-lead]
    variables: { region: eu-west }
`,
    });
    const project = await loadProject(root);
    expect(
      project.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.field}: ${p.message}`),
    ).toEqual([
      '.release-pilot/runbook.yml:7:29 warning steps[0].environments[1]: environment "prod" is not defined in .release-pilot/environments.yml (defined: staging); the step will be skipped in every run',
      ".release-pilot/runbook.yml:9:54 warning steps[0].actions[0].argv[2]: ${env.zone} is not defined by any environment: add `zone` to an environment's variables:",
      '.release-pilot/runbook.yml:10:35 warning steps[0].actions[1].hosts[0]: host "web-9" is in no environment this step runs against (staging, prod); the action cannot be planned',
      '.release-pilot/environments.yml:3:25 warning environments.staging.approvals[1]: role "tech-lead" is not a role of runbook "runbook": add it to its roles: so someone can approve',
    ]);
    expect(project.runbooks[0]!.runbook).toBeDefined();
    expect(project.environments?.staging).toBeDefined();
  });

  it('extends the built-in runbook from a project file', async () => {
    const root = write(tempDir(), {
      '.release-pilot/runbooks/ours.yaml': `extends: default
steps:
  - id: documentation
    title: Write it up
    owner: project-manager
`,
    });
    const loaded = await loadRunbookFile(root, '.release-pilot/runbooks/ours.yaml');
    expect(loaded.problems).toEqual([]);
    expect(loaded).toMatchObject({ id: 'ours', builtIn: false, title: 'Deployment workflow', stepCount: 9 });
    expect(loaded.runbook?.steps.at(-1)).toMatchObject({ id: 'documentation', title: 'Write it up', checklists: [] });
  });

  it('takes the built-in runbook from RELEASE_PILOT_RESOURCES_DIR when it is set', async () => {
    const resources = write(tempDir(), {
      'runbooks/default.yml': 'title: Packaged\nroles: { ops: Ops }\nsteps: [{ id: only, title: Only, owner: ops }]\n',
    });
    process.env.RELEASE_PILOT_RESOURCES_DIR = resources;
    const project = await loadProject(tempDir());
    expect(project.runbooks[0]).toMatchObject({ builtIn: true, title: 'Packaged', stepCount: 1, problems: [] });
  });

  it('names the built-in file when it is broken and a project extends it', async () => {
    process.env.RELEASE_PILOT_RESOURCES_DIR = write(tempDir(), { 'runbooks/default.yml': 'title: [broken\n' });
    const root = write(tempDir(), { '.release-pilot/runbook.yml': 'extends: default\n' });
    const loaded = await loadRunbookFile(root, '.release-pilot/runbook.yml');
    expect(loaded.runbook).toBeUndefined();
    expect(loaded.problems[0]).toMatchObject({ severity: 'error', file: '.release-pilot/runbook.yml' });
    expect(loaded.problems[0]!.message).toContain(
      join(process.env.RELEASE_PILOT_RESOURCES_DIR, 'runbooks', 'default.yml'),
    );
  });

  it('reports a runbook it cannot read, and an environments file that is missing is no problem', async () => {
    const root = tempDir();
    mkdirSync(join(root, '.release-pilot', 'runbook.yml'), { recursive: true });
    const project = await loadProject(root);
    expect(project.problems).toEqual([
      { severity: 'error', file: '.release-pilot/runbook.yml', message: 'cannot read file (it is a folder)' },
    ]);
    expect(await loadEnvironmentsFile(root)).toMatchObject({ missing: true, problems: [] });
  });

  it('loads the documented lab example with no problems', async () => {
    const project = await loadProject(join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'lab-project'));
    expect(project.problems).toEqual([]);
    expect(project.runbooks.map((r) => r.id)).toEqual(['lab']);
    expect(Object.keys(project.environments ?? {})).toEqual(['staging', 'production']);
  });
});
