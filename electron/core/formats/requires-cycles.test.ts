import { describe, expect, it } from 'vitest';
import { validateEnvironmentsSource } from './load-environments';
import { parseYamlSource } from './yaml-source';

// A `requires:` cycle makes every environment on it unstartable: validate says so, at a
// `requires:` entry, as an error (a run refuses the project's files until it is fixed).

function problemsOf(text: string) {
  return validateEnvironmentsSource(parseYamlSource(text, 'environments.yml')).problems.map(
    (p) => `${p.line}:${p.column} ${p.severity} ${p.field}: ${p.message}`,
  );
}

describe('requires: cycles', () => {
  it('reports staging → production → staging once, at a requires: entry', () => {
    const text = `environments:
  staging:
    requires: [production]
  production:
    protected: true
    requires: [staging]
`;
    expect(problemsOf(text)).toEqual([
      '3:16 error environments.staging.requires[0]: requires: forms a cycle (staging → production → staging): none of these environments can ever start, each needs another to have passed first',
    ]);
  });

  it('reports an environment that requires itself, and a cycle through the staging a protected environment needs by default', () => {
    const text = `environments:
  qa:
    requires: [qa]
  staging:
    requires: [qa, production]
  production:
    protected: true
`;
    expect(problemsOf(text)).toEqual([
      '3:16 error environments.qa.requires[0]: requires: forms a cycle (qa → qa): none of these environments can ever start, each needs another to have passed first',
      '5:20 error environments.staging.requires[1]: requires: forms a cycle (staging → production → staging): none of these environments can ever start, each needs another to have passed first',
    ]);
  });

  it('accepts a chain without a cycle', () => {
    const text = `environments:
  qa: {}
  staging: { requires: [qa] }
  production: { protected: true, requires: [staging, qa] }
`;
    expect(problemsOf(text)).toEqual([]);
  });
});
