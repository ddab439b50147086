import { useEffect, useState } from 'react';

/**
 * True once `active` has held for `ms`. A socket the host refuses (wrong token) never opens and
 * keeps retrying; after a few seconds the person deserves an explanation, not a spinner.
 */
export function useStalled(active: boolean, ms: number): boolean {
  const [stalled, setStalled] = useState(false);
  useEffect(() => {
    if (!active) {
      setStalled(false);
      return;
    }
    const timer = window.setTimeout(() => setStalled(true), ms);
    return () => window.clearTimeout(timer);
  }, [active, ms]);
  return stalled;
}
