import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DeploySettings } from '../../../shared/formats/deploy-schema';
import { Runbook } from '../../../shared/formats/runbook-schema';

// The format docs name what the schemas accept: every top-level runbook field has a row in
// runbook-format.md's table, every deploy.swarm field in environments.md's, and the `requires`
// row says what a protected environment without it needs (not a bare `[]`).

const docs = join(import.meta.dirname, '..', '..', '..', 'docs');
const text = (path: string) => readFileSync(join(docs, path), 'utf8');

type Shaped = { shape: Record<string, z.ZodType> };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: { innerType?: z.ZodType } } })._zod.def;

/** The keys of a (possibly optional or defaulted) object schema. */
function keysOf(schema: z.ZodType): string[] {
  let current = schema;
  while (!(current as unknown as Partial<Shaped>).shape && defOf(current).innerType)
    current = defOf(current).innerType!;
  return Object.keys((current as unknown as Shaped).shape);
}

/** The rows of the table right after `heading` (its first column's code spans). */
function tableFields(doc: string, heading: string): string[] {
  const start = doc.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const lines = doc.slice(start).split('\n').slice(1);
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows = lines.slice(first).filter((_, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('|')));
  return rows.flatMap((row) => /^\|\s*`([^`]+)`/.exec(row)?.[1] ?? []);
}

describe('the format docs name every field', () => {
  it('runbook-format.md: every top-level runbook field, overrideRoles included', () => {
    const fields = tableFields(text('runbook-format.md'), '## Top-level fields');
    for (const key of keysOf(Runbook)) expect(fields, key).toContain(key);
  });

  it('environments.md: every deploy.swarm field, and that the service must exist first', () => {
    const doc = text('environments.md');
    const fields = tableFields(doc, '#### `deploy.swarm`');
    expect(fields).toEqual(keysOf(DeploySettings.shape.swarm));
    expect(doc).toContain('The service must exist first');
  });

  it('environments.md: requires has no bare [] default; a protected environment needs staging', () => {
    const row = text('environments.md')
      .split('\n')
      .find((line) => line.startsWith('| `requires`'))!;
    expect(row).not.toMatch(/\|\s*`\[\]`\s*\|/);
    expect(row).toContain('a protected environment without `requires:` needs `staging`');
  });
});
