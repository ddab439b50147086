import { describe, expect, it } from 'vitest';
import type { Question } from '../../../../../shared/api/schemas/run-control';
import { emptyRunState, type ItemView } from '../../../../../shared/runs/run-state';
import { askedElsewhere, batchForQuestion, nextBatchQuestion, signedAmong, signOffBatches } from './sign-off-batch';

const item = (key: string, checklist: string, extra: Partial<ItemView> = {}): ItemView => ({
  key,
  text: `Item ${key}`,
  checklist,
  before: true,
  automatic: false,
  ...extra,
});
const tick = (id: string, itemKey: string, checklist: string): Question => ({
  runId: 'r1',
  id,
  kind: 'tick',
  step: 'prep',
  item: itemKey,
  text: `Item ${itemKey}`,
  checklist,
});
const signed = { by: 'Ada', at: '2026-01-01T00:00:00Z' };

const items: ItemView[] = [
  item('prep.a', 'Pre-Deployment'),
  item('prep.b', 'Pre-Deployment', { tick: signed }),
  item('prep.c', 'Pre-Deployment'),
  item('prep.auto', 'Pre-Deployment', { automatic: true }),
  item('prep.d', 'Pre-Deployment'),
  item('prep.g1', 'Gate 1'),
  item('prep.g2', 'Gate 1'),
  item('prep.solo', 'Solo'),
];

describe('signOffBatches', () => {
  it('offers the checklist being asked about, with its unsigned manual items in order', () => {
    const batches = signOffBatches(items, [tick('q1', 'prep.a', 'Pre-Deployment')]);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.checklist).toBe('Pre-Deployment');
    // Neither the signed item nor the automatic one is part of it.
    expect(batches[0]!.items.map((i) => i.key)).toEqual(['prep.a', 'prep.c', 'prep.d']);
  });

  it('offers nothing while the run asks nothing of a checklist, or for a single item left', () => {
    expect(signOffBatches(items, [])).toEqual([]);
    expect(signOffBatches(items, [tick('q1', 'prep.solo', 'Solo')])).toEqual([]);
    const approve: Question = { runId: 'r1', id: 'q2', kind: 'approve', step: 'prep', role: 'qa', roleTitle: 'QA' };
    expect(signOffBatches(items, [approve])).toEqual([]);
  });

  it('keeps checklists apart when several are asked at once', () => {
    const batches = signOffBatches(items, [tick('q1', 'prep.c', 'Pre-Deployment'), tick('q2', 'prep.g2', 'Gate 1')]);
    expect(batches.map((b) => [b.checklist, b.items.length])).toEqual([
      ['Pre-Deployment', 3],
      ['Gate 1', 2],
    ]);
  });
});

describe('the next question of a batch', () => {
  const remaining = new Set(['prep.c', 'prep.d']);
  it('is an open tick question among the items left; another checklist’s means the run moved on', () => {
    const questions = [tick('q1', 'prep.g1', 'Gate 1'), tick('q2', 'prep.d', 'Pre-Deployment')];
    expect(nextBatchQuestion(questions, remaining)?.id).toBe('q2');
    expect(askedElsewhere(questions, remaining)?.id).toBe('q1');
    expect(nextBatchQuestion([tick('q1', 'prep.g1', 'Gate 1')], remaining)).toBeUndefined();
  });

  it('knows which items were signed meanwhile (another window), the exit criteria included', () => {
    const run = emptyRunState('r1');
    run.steps = [
      {
        id: 'prep',
        title: 'Prep',
        owner: 'rm',
        state: 'waiting',
        actions: [],
        approvals: [],
        items: [item('prep.c', 'Pre-Deployment', { tick: signed }), item('prep.d', 'Pre-Deployment')],
      },
    ];
    run.exitCriteria = [item('exit.x', 'Exit criteria', { tick: signed })];
    expect(signedAmong(run, ['prep.c', 'prep.d', 'exit.x'])).toEqual(['prep.c', 'exit.x']);
    expect(signedAmong(undefined, ['prep.c'])).toEqual([]);
  });
});

describe('batchForQuestion', () => {
  const run = emptyRunState('r1');
  run.steps = [
    {
      id: 'prod',
      title: 'Production',
      owner: 'rm',
      state: 'waiting',
      actions: [],
      approvals: [],
      // One checklist on both sides of the actions: only the side being asked forms the batch.
      items: [
        item('prod.notified', 'During Deployment'),
        item('prod.watch', 'During Deployment', { before: false }),
        item('prod.errors', 'During Deployment', { before: false }),
        item('prod.latency', 'During Deployment', { before: false }),
      ],
    },
  ];
  run.exitCriteria = [item('@exit.a', 'Exit criteria'), item('@exit.b', 'Exit criteria')];

  it('takes the items on the same side of the actions as the asked one', () => {
    const asked = { ...tick('q1', 'prod.watch', 'During Deployment'), step: 'prod' };
    expect(batchForQuestion(run, [asked], asked)?.items.map((i) => i.key)).toEqual([
      'prod.watch',
      'prod.errors',
      'prod.latency',
    ]);
    const before = { ...tick('q2', 'prod.notified', 'During Deployment'), step: 'prod' };
    expect(batchForQuestion(run, [before], before)).toBeUndefined();
  });

  it('finds the exit criteria, and nothing for other kinds of question', () => {
    const exit = { ...tick('q3', '@exit.a', 'Exit criteria'), step: '@exit' };
    expect(batchForQuestion(run, [exit], exit)?.items).toHaveLength(2);
    const approve: Question = { runId: 'r1', id: 'q4', kind: 'approve', step: 'prod', role: 'qa', roleTitle: 'QA' };
    expect(batchForQuestion(run, [approve], approve)).toBeUndefined();
  });
});
