import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInRunbookFile, builtInRunbookPath } from './built-in-runbook';
import { validateRunbookSource } from './load-runbook';
import { parseYamlSource } from './yaml-source';

const base = parseYamlSource(readFileSync(builtInRunbookPath(), 'utf8'), builtInRunbookFile);

function extend(text: string) {
  return validateRunbookSource(parseYamlSource(text, 'runbook.yml'), 'runbook', base);
}

describe('extends: default', () => {
  it('replaces built-in steps by id, appends new ones, merges roles and keeps its own id', () => {
    const loaded = extend(`extends: default
title: Our deployment
roles:
  sre: Site Reliability Engineer
steps:
  - id: staging
    title: Staging, our way
    owner: sre
    environments: [staging]
  - id: announce
    title: Announce
    owner: project-manager
`);
    expect(loaded.problems).toEqual([]);
    const runbook = loaded.runbook!;
    expect(loaded.id).toBe('runbook');
    expect(runbook.title).toBe('Our deployment');
    expect(runbook.roles).toMatchObject({ devops: 'DevOps Engineer', sre: 'Site Reliability Engineer' });
    expect(runbook.steps.map((s) => s.id)).toEqual([
      'preparation',
      'planning',
      'staging',
      'pre-production',
      'production',
      'verification',
      'rollback',
      'monitoring',
      'documentation',
      'announce',
    ]);
    expect(runbook.steps[2]).toMatchObject({ title: 'Staging, our way', owner: 'sre', actions: [] });
    expect(runbook.alerts).toHaveLength(7);
  });

  it("points problems at the project's own file and lines, even where steps moved in the merge", () => {
    const loaded = extend(`extends: default
steps:
  - id: announce
    title: Announce
    owner: nobody
  - id: production
    title: Production
    owner: devops
    onFailure: explode
`);
    expect(loaded.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual([
      'runbook.yml:5:12 steps[0].owner: role "nobody" is not in roles: (devops, tech-lead, project-manager, qa, team, release-manager)',
      'runbook.yml:9:16 steps[1].onFailure: must be one of "ask", "abort", "rollback", "continue", found "explode"',
    ]);
  });

  it('refuses to extend anything but the built-in runbook', () => {
    const loaded = extend('extends: mine\ntitle: T\nroles: { a: A }\nsteps: [{ id: s, title: S, owner: a }]\n');
    expect(loaded.problems.map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual([
      '1:10 extends: must be "default", found "mine"',
    ]);
  });
});
