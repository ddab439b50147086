import { describe, expect, it } from 'vitest';
import { planCompose } from './compose';

describe('planCompose', () => {
  it('builds the plugin argv with files, project name and directory', () => {
    const plan = planCompose(
      {
        files: ['compose.yml', 'compose.prod.yml'],
        projectName: 'shop',
        projectDir: '/srv/shop',
        args: ['up', '-d', '--wait'],
      },
      ['docker', 'compose'],
    );
    expect(plan.argv).toEqual([
      'docker',
      'compose',
      '-f',
      'compose.yml',
      '-f',
      'compose.prod.yml',
      '-p',
      'shop',
      '--project-directory',
      '/srv/shop',
      'up',
      '-d',
      '--wait',
    ]);
    expect(plan.cwd).toBe('/srv/shop');
    expect(plan.summary).toBe(
      'docker compose -f compose.yml -f compose.prod.yml -p shop --project-directory /srv/shop up -d --wait',
    );
  });

  it('uses the standalone binary when that is what was detected; arguments stay separate words', () => {
    const plan = planCompose({ args: ['exec', 'web', 'sh', '-c', 'echo "$HOME"; rm -rf /tmp/x'] }, ['docker-compose']);
    expect(plan.argv).toEqual(['docker-compose', 'exec', 'web', 'sh', '-c', 'echo "$HOME"; rm -rf /tmp/x']);
    expect(plan.cwd).toBeUndefined();
    expect(plan.summary).toContain('\'echo "$HOME"; rm -rf /tmp/x\'');
  });

  it('refuses an empty subcommand and a bad project name, naming the field', () => {
    expect(() => planCompose({ args: [] }, ['docker', 'compose'])).toThrow(/^args: no compose subcommand/);
    expect(() => planCompose({ projectName: 'My Shop', args: ['ps'] }, ['docker', 'compose'])).toThrow(
      /^projectName: "My Shop" must be lowercase/,
    );
  });
});
