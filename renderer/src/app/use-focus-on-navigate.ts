import { useEffect, useRef } from 'react';
import type { ScreenId } from './routes';

/**
 * After a screen change, focus moves to the new screen's <h1> (so a screen reader announces it
 * and Tab continues from the top of the content) and the content scrolls back to the top.
 * Not on first load: the person has not asked to go anywhere yet.
 */
export function useFocusOnNavigate(screen: ScreenId): void {
  const shown = useRef(screen);
  useEffect(() => {
    if (shown.current === screen) return;
    shown.current = screen;
    const main = document.getElementById('content');
    main?.scrollTo(0, 0);
    main?.querySelector<HTMLElement>('[data-page-title]')?.focus({ preventScroll: true });
  }, [screen]);
}
