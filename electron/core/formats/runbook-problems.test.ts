import { describe, expect, it } from 'vitest';
import { validateRunbookSource } from './load-runbook';
import { parseYamlSource } from './yaml-source';

// A runbook with many mistakes at once: each is reported, all together, at its own line:column,
// with the field path a person can follow.
const broken = `title: Broken release
roles:
  devops: DevOps Engineer
steps:
  - id: build
    title: Build
    owner: devops
    actions:
      - type: docker.launch
        image: app
      - type: shell
        cwd: /srv
      - type: shell
        argv: [make]
        timout: 5s
  - id: build
    title: Deploy
    owner: ghost
    actions:
      - type: http.check
        timeout: 5 minutes
alerts:
  - name: Broken
    condition: errors are high
    for: 5m
`;

function problemsOf(text: string) {
  const loaded = validateRunbookSource(parseYamlSource(text, 'runbook.yml'), 'runbook');
  return loaded.problems.map((p) => ({
    at: `${p.line}:${p.column}`,
    field: p.field,
    message: p.message,
    severity: p.severity,
  }));
}

describe('runbook problems, all at once with positions', () => {
  it('reports every schema error of a malformed runbook, sorted by position', () => {
    const problems = problemsOf(broken);
    expect(problems.map((p) => [p.at, p.field])).toEqual([
      ['9:15', 'steps[0].actions[0].type'],
      ['11:9', 'steps[0].actions[1].argv'],
      ['15:9', 'steps[0].actions[2].timout'],
      ['16:9', 'steps[1].id'],
      ['18:12', 'steps[1].owner'],
      ['21:18', 'steps[1].actions[0].timeout'],
      ['24:16', 'alerts[0].condition'],
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    const [type, argv, unknown, duplicate, role, duration, condition] = problems.map((p) => p.message);
    expect(type).toMatch(
      /^"docker\.launch" is not a known type; use one of: shell, manual, git\.fetch, .*http\.check, deploy, watch$/,
    );
    expect(argv).toBe('missing required field `argv`: write the command as a list: [program, arg1, arg2]');
    expect(unknown).toBe('unknown field `timout`; did you mean `timeout`?');
    expect(duplicate).toBe('step id "build" is used twice');
    expect(role).toBe('role "ghost" is not in roles: (devops)');
    expect(duration).toBe('"5 minutes" is not a duration: write e.g. 30s, 5m, 1h or 250ms');
    expect(condition).toContain('"errors are high" is not a condition');
  });

  it('lists the known fields when an unknown one is not a near miss', () => {
    const problems = problemsOf('title: T\nroles: { a: A }\nsteps:\n  - { id: s, title: S, owner: a, colour: red }\n');
    expect(problems).toEqual([
      {
        at: '4:34',
        field: 'steps[0].colour',
        severity: 'error',
        message:
          'unknown field `colour`; known fields: id, title, owner, description, environments, actions, checklists, approvals, onFailure',
      },
    ]);
  });

  it('says which required field is missing, pointing at the mapping that lacks it', () => {
    expect(problemsOf('roles: { a: A }\nsteps:\n  - id: s\n    owner: a\n')).toEqual([
      { at: '1:1', field: 'title', severity: 'error', message: 'missing required field `title`' },
      { at: '3:5', field: 'steps[0].title', severity: 'error', message: 'missing required field `title`' },
    ]);
  });

  it('explains a missing or unknown discriminator, a wrong kind of value and an out-of-range number', () => {
    const text = [
      'title: T',
      'roles: { a: A }',
      'steps:',
      '  - id: s',
      '    title: S',
      '    owner: a',
      '    approvals: a',
      '    actions:',
      '      - argv: [x]',
      '      - { type: http.check, attempts: 500, method: FETCH }',
      '      - { type: ssh.exec, argv: [uptime], hosts: 3 }',
    ].join('\n');
    expect(problemsOf(text).map((p) => `${p.at} ${p.field}: ${p.message}`)).toEqual([
      '7:16 steps[0].approvals: expected a list, found "a"',
      expect.stringMatching(/^9:9 steps\[0\]\.actions\[0\]\.type: missing required field `type`; use one of: shell, /),
      '10:39 steps[0].actions[1].attempts: must be at most 100, found 500',
      '10:52 steps[0].actions[1].method: must be one of "GET", "HEAD", "POST", "PUT", "DELETE", found "FETCH"',
      '11:50 steps[0].actions[2].hosts: expected "all" or a list, found 3',
    ]);
  });

  it('warns about variables that cannot resolve, at the string that uses them', () => {
    const text = [
      'title: T',
      'roles: { a: A }',
      'variables: { app_dir: /srv/app }',
      'steps:',
      '  - id: s',
      '    title: S',
      '    owner: a',
      '    actions:',
      "      - { type: shell, argv: [deploy, '${version}', '${app_dir}', '${verison}', '$${literal}', '${secret:TOKEN}'] }",
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ at: '9:67', severity: 'warning', field: 'steps[0].actions[0].argv[3]' }),
    ]);
    expect(problemsOf(text)[0]!.message).toMatch(
      /^\$\{verison\} is not a known variable: use version, previous_version/,
    );
  });

  it('reports YAML syntax errors, every one with its position, and no schema noise', () => {
    const loaded = validateRunbookSource(
      parseYamlSource('title: T\nsteps:\n  - id: a\n   bad: indent\nroles: [unclosed\n', 'rb.yml'),
      'rb',
    );
    expect(loaded.runbook).toBeUndefined();
    expect(loaded.problems.length).toBeGreaterThanOrEqual(2);
    expect(loaded.problems.every((p) => p.severity === 'error' && p.file === 'rb.yml' && p.line && p.column)).toBe(
      true,
    );
    expect(loaded.problems.map((p) => p.line)).toContain(4);
    expect(loaded.problems.some((p) => p.line! >= 5)).toBe(true);
    expect(loaded.problems.some((p) => p.message.includes('missing required'))).toBe(false);
  });

  it('names the empty file and a top level that is not a mapping', () => {
    expect(problemsOf('')).toEqual([
      { at: '1:1', field: undefined, severity: 'error', message: 'the file is empty: expected a mapping of fields' },
    ]);
    expect(problemsOf('- a\n- b\n')[0]).toMatchObject({ at: '1:1', message: 'expected a mapping, found a list' });
  });

  it('takes the id from the file stem, and the title and step count even from an invalid runbook', () => {
    const loaded = validateRunbookSource(parseYamlSource('title: Release\nsteps: [{}, {}]\n', 'x.yml'), 'hotfix');
    expect([loaded.id, loaded.title, loaded.stepCount, loaded.runbook]).toEqual(['hotfix', 'Release', 2, undefined]);
  });
});
