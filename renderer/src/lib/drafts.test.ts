import { describe, expect, it } from 'vitest';
import { clearDraft, draftKey, isString, readDraft, writeDraft } from './drafts';
import { memoryStorage } from './storage';

describe('drafts', () => {
  it('round-trips a value under a namespaced key', () => {
    const storage = memoryStorage();
    writeDraft(storage, 'project-path', '/srv/shop');
    expect(storage.getItem(draftKey('project-path'))).toBe('"/srv/shop"');
    expect(readDraft(storage, 'project-path', isString)).toBe('/srv/shop');
  });

  it('returns undefined when nothing was saved', () => {
    expect(readDraft(memoryStorage(), 'missing', isString)).toBeUndefined();
  });

  it('drops a draft whose shape the reader does not accept', () => {
    const storage = memoryStorage();
    writeDraft(storage, 'project-path', { not: 'a string' });
    expect(readDraft(storage, 'project-path', isString)).toBeUndefined();
  });

  it('drops a draft that is not JSON', () => {
    const storage = memoryStorage();
    storage.setItem(draftKey('project-path'), '{broken');
    expect(readDraft(storage, 'project-path', isString)).toBeUndefined();
  });

  it('clears a draft after a successful save', () => {
    const storage = memoryStorage();
    writeDraft(storage, 'settings', { operatorName: 'Ada' });
    clearDraft(storage, 'settings');
    expect(storage.getItem(draftKey('settings'))).toBeNull();
  });
});
