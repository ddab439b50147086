import { useEffect } from 'react';
import { navigate } from './navigation';
import { isMac } from './platform';
import { screenForShortcut } from './shortcuts';

/** Ctrl/⌘+1…6 switch screens from anywhere, including from inside a text field. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const screen = screenForShortcut(event, isMac);
      if (!screen) return;
      event.preventDefault();
      navigate(screen);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
