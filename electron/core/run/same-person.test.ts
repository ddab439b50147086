import { describe, expect, it } from 'vitest';
import { samePerson } from '../../../shared/runs/answer-rules';

// The four-eyes rule on protected environments compares names as people write them.
describe('samePerson', () => {
  it('treats case and spacing differences as the same person', () => {
    expect(samePerson('Ada Lovelace', ' ada  lovelace ')).toBe(true);
    expect(samePerson('Ada', 'ADA')).toBe(true);
  });
  it('tells different people apart', () => {
    expect(samePerson('Ada Lovelace', 'Grace Hopper')).toBe(false);
    expect(samePerson('Ada', 'Adam')).toBe(false);
  });
});
