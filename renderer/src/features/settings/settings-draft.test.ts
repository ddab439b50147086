import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../../shared/api/schemas/settings';
import { draftFrom, hasChanges, isSettingsDraft, patchFrom, validateDraft } from './settings-draft';

const saved: Settings = { ...defaultSettings, operatorName: 'Ada', operatorRole: 'Tech Lead' };

describe('settings draft', () => {
  it('starts from the saved settings', () => {
    expect(draftFrom(saved)).toEqual({ operatorName: 'Ada', operatorRole: 'Tech Lead', theme: 'system' });
    expect(hasChanges(draftFrom(saved), saved)).toBe(false);
  });

  it('patches only the fields that changed, trimmed', () => {
    const draft = { ...draftFrom(saved), operatorName: '  Grace ', theme: 'dark' as const };
    expect(patchFrom(draft, saved)).toEqual({ operatorName: 'Grace', theme: 'dark' });
  });

  it('does not count whitespace alone as a change', () => {
    expect(hasChanges({ ...draftFrom(saved), operatorRole: 'Tech Lead ' }, saved)).toBe(false);
  });

  it('reports over-long fields by name', () => {
    const errors = validateDraft({ ...draftFrom(saved), operatorRole: 'x'.repeat(121) });
    expect(Object.keys(errors)).toEqual(['operatorRole']);
    expect(validateDraft(draftFrom(saved))).toEqual({});
  });

  it('accepts only a well-formed stored draft', () => {
    expect(isSettingsDraft({ operatorName: '', operatorRole: '', theme: 'light' })).toBe(true);
    expect(isSettingsDraft({ operatorName: '', operatorRole: '', theme: 'sepia' })).toBe(false);
    expect(isSettingsDraft({ operatorName: 1, operatorRole: '', theme: 'light' })).toBe(false);
    expect(isSettingsDraft(null)).toBe(false);
  });
});
