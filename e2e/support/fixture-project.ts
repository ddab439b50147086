import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A real git repository with a .release-pilot/ folder: one good runbook, one broken. */
export function makeFixtureProject(root: string): void {
  mkdirSync(join(root, '.release-pilot', 'runbooks'), { recursive: true });
  writeFileSync(
    join(root, '.release-pilot', 'runbooks', 'deploy.yml'),
    'id: deploy\ntitle: Production deployment\nsteps:\n  - id: prepare\n  - id: plan\n  - id: staging\n',
  );
  writeFileSync(
    join(root, '.release-pilot', 'runbooks', 'hotfix.yml'),
    'title: Hotfix\nsteps:\n  - id: a\n   bad: indent\n',
  );
  writeFileSync(
    join(root, '.release-pilot', 'environments.yml'),
    'environments:\n  staging:\n    hosts: [stage-1]\n  production:\n    protected: true\n    hosts: [prod-1, prod-2]\n',
  );
  execFileSync('git', ['init', '-q', root]);
  execFileSync('git', ['-C', root, 'add', '-A']);
  execFileSync('git', ['-C', root, '-c', 'user.name=E2E', '-c', 'user.email=e2e@example.com', 'commit', '-qm', 'init']);
}
