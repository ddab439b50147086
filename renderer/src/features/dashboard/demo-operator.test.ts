import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/api/schemas/settings';
import {
  emptyOperatorDraft,
  isOperatorDraft,
  needsOperator,
  operatorPatch,
  signerLabel,
  validateOperator,
} from './demo-operator';

describe('the demo card asking who signs', () => {
  it('asks only once Settings are known and hold no name', () => {
    expect(needsOperator(undefined)).toBe(false);
    expect(needsOperator(defaultSettings)).toBe(true);
    expect(needsOperator({ ...defaultSettings, operatorName: '   ' })).toBe(true);
    expect(needsOperator({ ...defaultSettings, operatorName: 'Ada' })).toBe(false);
  });

  it('starts with the Release Manager role and no name', () => {
    expect(emptyOperatorDraft).toEqual({ name: '', role: 'Release Manager' });
  });

  it('requires a name', () => {
    expect(validateOperator({ name: '  ', role: 'QA' }).name).toBe('Enter your name to try the demo.');
    expect(validateOperator({ name: 'Ada', role: 'QA' })).toEqual({});
  });

  it('refuses a name or role the host would refuse, naming the field', () => {
    const long = 'x'.repeat(121);
    expect(validateOperator({ name: long, role: '' }).name).toMatch(/name to 120 characters/);
    expect(validateOperator({ name: 'Ada', role: long }).role).toMatch(/role to 120 characters/);
  });

  it('saves trimmed values, an empty role as the default one', () => {
    expect(operatorPatch({ name: ' Ada Lovelace ', role: ' Tech Lead ' })).toEqual({
      operatorName: 'Ada Lovelace',
      operatorRole: 'Tech Lead',
    });
    expect(operatorPatch({ name: 'Ada', role: '  ' })).toEqual({
      operatorName: 'Ada',
      operatorRole: 'Release Manager',
    });
  });

  it('drops a stored draft of another shape', () => {
    expect(isOperatorDraft({ name: 'Ada', role: '' })).toBe(true);
    expect(isOperatorDraft({ name: 'Ada' })).toBe(false);
    expect(isOperatorDraft(null)).toBe(false);
    expect(isOperatorDraft('Ada')).toBe(false);
  });

  it('names the signer with the role in brackets, or alone', () => {
    expect(signerLabel({ operatorName: 'Ada', operatorRole: 'Release Manager' })).toBe('Ada (Release Manager)');
    expect(signerLabel({ operatorName: 'Ada', operatorRole: ' ' })).toBe('Ada');
  });
});
