import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../lib/storage';
import { offeredSigners, readRecentSigners, rememberSigner } from './recent-signers';

describe('recent signers', () => {
  it('keeps names newest first, one per person however written', () => {
    const storage = memoryStorage();
    rememberSigner(storage, 'Grace Hopper');
    rememberSigner(storage, 'Linus');
    rememberSigner(storage, ' grace  hopper ');
    expect(readRecentSigners(storage)).toEqual(['grace  hopper', 'Linus']);
  });
  it('reads a damaged entry as no names', () => {
    const storage = memoryStorage();
    storage.setItem('recent-signers', '{not json');
    expect(readRecentSigners(storage)).toEqual([]);
  });
  it('does not offer the operator when their approval would be refused', () => {
    expect(offeredSigners(['Ada Lovelace', 'Grace Hopper'], 'ada lovelace')).toEqual(['Grace Hopper']);
    expect(offeredSigners(['Ada Lovelace'], undefined)).toEqual(['Ada Lovelace']);
  });
});
