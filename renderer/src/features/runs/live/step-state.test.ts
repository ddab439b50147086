import { describe, expect, it } from 'vitest';
import { shownPresentation, shownState } from './step-state';

describe('a finished run looks finished', () => {
  it('says Not reached for what never started, Stopped for what was under way', () => {
    expect(shownPresentation(shownState('pending', true)).label).toBe('Not reached');
    expect(shownPresentation(shownState('waiting', true)).label).toBe('Stopped');
    expect(shownPresentation(shownState('running', true)).label).toBe('Stopped');
    expect(shownPresentation(shownState('failed', true)).label).toBe('Failed');
  });
  it('leaves a live run as it is', () => {
    expect(shownPresentation(shownState('waiting', false)).label).toBe('Waiting');
    expect(shownPresentation(shownState('pending', false)).label).toBe('Pending');
  });
});
