import { useCallback, useState } from 'react';
import { clearDraft, readDraft, writeDraft } from './drafts';
import { sessionStore } from './web-storage';

export interface SessionDraft<T> {
  /** What the person typed and has not saved yet; undefined when there is nothing unsaved. */
  draft: T | undefined;
  /** Remember a new value (every keystroke: a reload or a crash must not lose it). */
  update(value: T): void;
  /** Forget the draft, after a successful save or when the person discards it. */
  discard(): void;
}

/** React state mirrored into sessionStorage under one draft name. */
export function useSessionDraft<T>(name: string, accept: (value: unknown) => value is T): SessionDraft<T> {
  const [draft, setDraft] = useState<T | undefined>(() => readDraft(sessionStore, name, accept));
  const update = useCallback(
    (value: T) => {
      writeDraft(sessionStore, name, value);
      setDraft(value);
    },
    [name],
  );
  const discard = useCallback(() => {
    clearDraft(sessionStore, name);
    setDraft(undefined);
  }, [name]);
  return { draft, update, discard };
}
