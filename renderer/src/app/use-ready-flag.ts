import { useEffect } from 'react';
import { useAppInfo } from './app-info-store';

/**
 * `<html data-ready="true">` once app info has arrived over the API: the signal end-to-end tests
 * (and people debugging) wait for, since it proves the page reached the host and back.
 */
export function useReadyFlag(): void {
  const ready = useAppInfo((state) => state.info !== undefined);
  useEffect(() => {
    if (ready) document.documentElement.dataset.ready = 'true';
    else delete document.documentElement.dataset.ready;
  }, [ready]);
}
