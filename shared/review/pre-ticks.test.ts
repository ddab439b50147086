import { describe, expect, it } from 'vitest';
import type { ReviewTick } from '../api/schemas/review';
import { preTicksFor } from './pre-ticks';
import { pretickableItems, staleTicks } from './review-items';
import { sampleOutline } from './test-support/sample-outline';

const at = '2026-11-01T08:00:00.000Z';
const tick = (item: string, extra: Partial<ReviewTick> = {}): ReviewTick => ({
  item,
  by: 'Ada Lovelace',
  at,
  ...extra,
});

describe('preTicksFor', () => {
  it('turns review ticks into runs:start preTicks, trimming and dropping empty role and note', () => {
    expect(
      preTicksFor({
        ticks: [
          tick('prepare.tests', { role: ' devops ', note: '  green on main ' }),
          tick('@exit.notes', { role: ' ' }),
        ],
      }),
    ).toEqual([
      { item: 'prepare.tests', by: 'Ada Lovelace', role: 'devops', note: 'green on main', at },
      { item: '@exit.notes', by: 'Ada Lovelace', at },
    ]);
  });

  it('with the outline, leaves out ticks the run would refuse: automatic, rollback and unknown items', () => {
    const ticks = [
      tick('prepare.tests'),
      tick('prepare.coverage'),
      tick('@rollback.healthy'),
      tick('prepare.renamed'),
      tick('production.backup'),
    ];
    expect(preTicksFor({ ticks }, sampleOutline()).map((t) => t.item)).toEqual(['prepare.tests', 'production.backup']);
    expect(staleTicks(sampleOutline(), ticks).map((t) => t.item)).toEqual([
      'prepare.coverage',
      '@rollback.healthy',
      'prepare.renamed',
    ]);
  });

  it('gives nothing for an empty review', () => {
    expect(preTicksFor({ ticks: [] })).toEqual([]);
  });
});

describe('pretickableItems', () => {
  it('has the manual items of every step and the exit criteria, and nothing else', () => {
    expect([...pretickableItems(sampleOutline()).keys()]).toEqual([
      'prepare.tests',
      'production.backup',
      '@exit.notes',
    ]);
  });
});
