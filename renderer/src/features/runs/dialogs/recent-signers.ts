import { samePerson } from '../../../../../shared/runs/answer-rules';
import type { StorageLike } from '../../../lib/storage';

// Names that approved or signed off lately in this browser, offered in the approver field so a
// colleague's name is picked, not retyped (and mistyped). Newest first, one entry per person.

const key = 'recent-signers';
const keep = 8;

export function readRecentSigners(storage: StorageLike): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberSigner(storage: StorageLike, name: string): void {
  const by = name.trim();
  if (!by) return;
  const rest = readRecentSigners(storage).filter((n) => !samePerson(n, by));
  storage.setItem(key, JSON.stringify([by, ...rest].slice(0, keep)));
}

/** The names to offer: never the operator on a protected environment, whose approval would be refused. */
export function offeredSigners(recent: string[], exclude?: string): string[] {
  return exclude ? recent.filter((n) => !samePerson(n, exclude)) : recent;
}
