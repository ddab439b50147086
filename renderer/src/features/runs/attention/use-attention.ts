import { useEffect } from 'react';
import { useConnection } from '../../../app/connection-store';
import { hrefFor } from '../../../app/routes';
import { windowTitle } from './attention';
import { seedAttention, subscribeToAttention, useAttention } from './attention-store';
import { notifyQuestion } from './desktop-notification';

/** Keeps the attention live, the window title saying it, and a desktop notification per question. */
export function useAttentionEverywhere(): void {
  useEffect(() => {
    void seedAttention();
    const stop = subscribeToAttention((question) =>
      notifyQuestion(question, () => {
        window.location.hash = hrefFor('runs', question.runId);
      }),
    );
    // After a reconnect, pushes sent while it was down are gone: ask again.
    const offConnection = useConnection.subscribe((state, previous) => {
      if (state.status === 'open' && previous.status !== 'open') void seedAttention();
    });
    return () => {
      stop();
      offConnection();
    };
  }, []);
  const attention = useAttention((s) => s.attention);
  useEffect(() => {
    document.title = windowTitle(attention);
  }, [attention]);
}
