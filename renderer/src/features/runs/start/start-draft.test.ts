import { describe, expect, it } from 'vitest';
import { emptyStartDraft, isStartDraft, matchVersion, previewable, startRequest, validateStart } from './start-draft';

const draft = { ...emptyStartDraft, projectId: 'p1', environment: 'staging', version: ' v1.2.0 ' };
const versions = {
  tags: [{ name: 'v1.2.0', commit: 'a'.repeat(40), date: '2026-01-02T10:00:00Z' }],
  commits: [
    {
      sha: `b${'1'.repeat(39)}`,
      shortSha: 'b111111',
      subject: 'Fix login',
      author: 'Ada',
      date: '2026-01-03T10:00:00Z',
    },
  ],
};

describe('start draft', () => {
  it('accepts only a stored draft of the right shape', () => {
    expect(isStartDraft(draft)).toBe(true);
    expect(isStartDraft({ ...draft, version: 3 })).toBe(false);
    expect(isStartDraft(null)).toBe(false);
    const { windowOverride: _, ...older } = draft;
    expect(isStartDraft(older)).toBe(false);
  });

  it('says what is missing or wrong, field by field', () => {
    expect(validateStart(emptyStartDraft, { needsRunbook: true, overrideAsked: true })).toEqual({
      projectId: expect.stringContaining('Choose a project'),
      runbook: expect.stringContaining('several runbooks'),
      environment: expect.stringContaining('environment'),
      version: expect.stringContaining('tag or commit'),
      windowOverride: expect.stringContaining('outside its deployment window'),
    });
    expect(validateStart({ ...draft, version: '--exec=x' }, { needsRunbook: false, overrideAsked: false })).toEqual({
      version: expect.stringContaining('letters, digits'),
    });
    expect(validateStart(draft, { needsRunbook: false, overrideAsked: false })).toEqual({});
    expect(previewable(draft, true)).toBe(false);
    expect(previewable(draft, false)).toBe(true);
  });

  it('sends the trimmed version, the override only once asked for, and no empty choices', () => {
    const withOverride = { ...draft, windowOverride: ' hotfix for outage ' };
    expect(startRequest(withOverride, false)).toEqual({
      projectId: 'p1',
      environment: 'staging',
      version: 'v1.2.0',
      runbook: undefined,
      strategy: undefined,
      windowOverride: undefined,
    });
    expect(startRequest({ ...withOverride, strategy: 'canary' }, true)).toMatchObject({
      strategy: 'canary',
      windowOverride: 'hotfix for outage',
    });
  });

  it('recognises a tag, a recent commit by its short or full sha, or neither', () => {
    expect(matchVersion('v1.2.0', versions)).toMatchObject({ kind: 'tag', commit: 'a'.repeat(40) });
    expect(matchVersion('b111111', versions)).toMatchObject({ kind: 'commit', subject: 'Fix login' });
    expect(matchVersion('b1111', versions)).toMatchObject({ kind: 'commit' });
    expect(matchVersion('b11', versions)).toEqual({ kind: 'other' });
    expect(matchVersion('main', versions)).toEqual({ kind: 'other' });
    expect(matchVersion('v1.2.0', undefined)).toEqual({ kind: 'other' });
  });
});
