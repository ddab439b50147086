import { describe, expect, it } from 'vitest';
import { formFor, isOpenForms, tickOf, withoutTick, withTick } from './review-draft';
import { reviewHref, reviewTargetOf } from './review-route';

const at = '2026-11-01T08:00:00.000Z';

describe('review route', () => {
  it('reads the project and runbook from #/runbooks/<project>/<runbook>/review and builds it back', () => {
    expect(reviewTargetOf(['abc', 'deploy', 'review'])).toEqual({ projectId: 'abc', runbookId: 'deploy' });
    expect(reviewHref({ projectId: 'abc', runbookId: 'deploy' })).toBe('#/runbooks/abc/deploy/review');
  });

  it('is no review for the plain list or another address', () => {
    expect(reviewTargetOf([])).toBeUndefined();
    expect(reviewTargetOf(['abc', 'deploy'])).toBeUndefined();
    expect(reviewTargetOf(['abc', 'deploy', 'review', 'x'])).toBeUndefined();
    expect(reviewTargetOf(['', 'deploy', 'review'])).toBeUndefined();
  });
});

describe('sign-off drafts', () => {
  it('accepts only a map of complete forms (an old or hand-edited draft is dropped)', () => {
    expect(isOpenForms({ 'prepare.tests': { by: 'Ada', role: '', note: 'x' } })).toBe(true);
    expect(isOpenForms({})).toBe(true);
    expect(isOpenForms({ 'prepare.tests': { by: 'Ada' } })).toBe(false);
    expect(isOpenForms([])).toBe(false);
    expect(isOpenForms('x')).toBe(false);
  });

  it('turns a form into a tick, trimmed, without empty role or note', () => {
    expect(tickOf('a.b', { by: ' Ada ', role: ' ', note: ' ok ' }, at)).toEqual({
      item: 'a.b',
      by: 'Ada',
      note: 'ok',
      at,
    });
  });

  it('opens a new form signed as the person in Settings, and an edit with the tick’s own values', () => {
    expect(formFor(undefined, { name: 'Ada', role: 'devops' })).toEqual({ by: 'Ada', role: 'devops', note: '' });
    expect(formFor({ item: 'a.b', by: 'Grace', note: 'n', at }, { name: 'Ada', role: 'devops' })).toEqual({
      by: 'Grace',
      role: '',
      note: 'n',
    });
  });

  it('replaces a tick in place and removes one', () => {
    const ticks = [
      { item: 'a.b', by: 'Ada', at },
      { item: 'c.d', by: 'Ada', at },
    ];
    expect(withTick(ticks, { item: 'a.b', by: 'Grace', at }).map((t) => t.by)).toEqual(['Grace', 'Ada']);
    expect(withTick(ticks, { item: 'e.f', by: 'Grace', at }).map((t) => t.item)).toEqual(['a.b', 'c.d', 'e.f']);
    expect(withoutTick(ticks, 'a.b').map((t) => t.item)).toEqual(['c.d']);
  });
});
