import { describe, expect, it } from 'vitest';
import { formatFieldPath, positionOfPath } from './node-position';
import { closestName } from './schema-keys';
import { parseYamlSource } from './yaml-source';

describe('YAML sources', () => {
  it('reports every syntax error at once, each with line and column', () => {
    const source = parseYamlSource('a: 1\nb: [unclosed\nc: "open\nd: 4\n', 'f.yml');
    expect(source.value).toBeUndefined();
    expect(source.problems.length).toBeGreaterThanOrEqual(2);
    for (const p of source.problems) {
      expect(p).toMatchObject({ severity: 'error', file: 'f.yml' });
      expect(p.line).toBeGreaterThanOrEqual(2);
      expect(p.column).toBeGreaterThanOrEqual(1);
    }
    expect(source.problems).toEqual([...source.problems].sort((x, y) => x.line! - y.line! || x.column! - y.column!));
  });

  it('refuses duplicate keys and tab indentation, at their positions', () => {
    const dup = parseYamlSource('title: A\nsteps: []\ntitle: B\n', 'f.yml');
    expect(dup.problems).toEqual([expect.objectContaining({ severity: 'error', line: 3, column: 1 })]);
    expect(dup.problems[0]!.message).toMatch(/unique/i);
    const tab = parseYamlSource('steps:\n\t- id: a\n', 'f.yml');
    expect(tab.problems[0]).toMatchObject({ severity: 'error', line: 2 });
  });

  it('finds the line:column of a field, or of its nearest parent when it is missing', () => {
    const source = parseYamlSource(
      'steps:\n  - id: a\n    actions:\n      - type: shell\n        argv: [ls, -l]\n',
      'f.yml',
    );
    expect(positionOfPath(source, ['steps', 0, 'actions', 0, 'argv', 1])).toEqual({ line: 5, column: 20 });
    expect(positionOfPath(source, ['steps', 0, 'actions', 0, 'cwd'])).toEqual({ line: 4, column: 9 });
    expect(positionOfPath(source, ['steps', 0, 'actions', 0, 'argv'], 'key')).toEqual({ line: 5, column: 9 });
    expect(positionOfPath(source, ['steps', 7])).toEqual({ line: 2, column: 3 });
  });

  it('follows aliases to the node they stand for', () => {
    const source = parseYamlSource('base: &b\n  port: 22\nhost: *b\n', 'f.yml');
    expect(positionOfPath(source, ['host', 'port'])).toEqual({ line: 2, column: 9 });
  });

  it('writes field paths as people read them', () => {
    expect(formatFieldPath(['steps', 2, 'actions', 0, 'argv'])).toBe('steps[2].actions[0].argv');
    expect(formatFieldPath(['environments', 'prod-eu', 'hosts', 0])).toBe('environments.prod-eu.hosts[0]');
    expect(formatFieldPath(['failures', 'deploy.health'])).toBe('failures["deploy.health"]');
    expect(formatFieldPath([])).toBe('');
  });

  it('suggests the field a typo probably meant, and nothing for a stranger', () => {
    expect(closestName('timout', ['timeout', 'title'])).toBe('timeout');
    expect(closestName('onfailure', ['onFailure'])).toBe('onFailure');
    expect(closestName('colour', ['id', 'title', 'owner'])).toBeUndefined();
  });
});
