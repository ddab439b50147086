import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Schedule } from '../../../shared/formats/schedule-schema';
import { parseYamlSource } from '../formats/yaml-source';
import { guardWindow, WindowRefusedError } from './window-guard';

// docs/planning.md shows a schedule and the refusal it gives: both must stay true.

const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'planning.md'), 'utf8');

function codeBlocks(): Array<{ info: string; body: string }> {
  return [...doc.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ info: m[1] ?? '', body: m[2] ?? '' }));
}

describe('docs/planning.md', () => {
  it('documents a schedule that parses, and the refusal message it gives', () => {
    const yaml = codeBlocks().find((b) => b.info === 'yaml')!;
    const parsed = parseYamlSource(yaml.body, 'docs/planning.md');
    expect(parsed.problems).toEqual([]);
    const environments = (parsed.value as { environments: Record<string, { schedule: unknown }> }).environments;
    const schedule = Schedule.parse(environments.production!.schedule);
    const message = (() => {
      try {
        guardWindow({ name: 'production', schedule }, ['release-manager'], new Date('2026-06-13T10:00:00Z'));
      } catch (error) {
        if (error instanceof WindowRefusedError) return error.message;
      }
      return 'not refused';
    })();
    const shown = codeBlocks().find((b) => b.info === '' && b.body.startsWith('production may not'))!;
    expect(shown.body.replace(/\s+/g, ' ').trim()).toBe(message);
  });
});
