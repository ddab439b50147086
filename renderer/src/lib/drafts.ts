import type { StorageLike } from './storage';

// What a person typed must survive a failed save and a reload. Drafts live in sessionStorage
// (per window, gone when it closes) under one prefix, and are cleared only after a successful save.

const prefix = 'release-pilot.draft.';

export function draftKey(name: string): string {
  return `${prefix}${name}`;
}

/**
 * Reads a draft back. `accept` checks the stored shape, because a draft written by an older build
 * (or edited by hand) must be dropped, not fed into a form.
 */
export function readDraft<T>(
  storage: StorageLike,
  name: string,
  accept: (value: unknown) => value is T,
): T | undefined {
  const raw = storage.getItem(draftKey(name));
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return accept(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(storage: StorageLike, name: string, value: unknown): void {
  storage.setItem(draftKey(name), JSON.stringify(value));
}

export function clearDraft(storage: StorageLike, name: string): void {
  storage.removeItem(draftKey(name));
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}
