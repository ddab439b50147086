import { transportKind } from '../api/client';
import { useAppInfo } from './app-info-store';
import { BootError } from './boot-error';
import { useConnection } from './connection-store';
import type { ScreenId } from './routes';
import { ScreenOutlet } from './screen-outlet';
import { useStalled } from './use-stalled';

const stallAfterMs = 5_000;

// A socket the host refuses (wrong or stale token) never opens, so this is the likely cause.
const refusedExplanation =
  'The host refuses a page whose access token is wrong or out of date, so this usually means the address is not the one it printed.';

/** The current screen, or the boot error when the engine cannot be reached. */
export function MainContent({ screen }: { screen: ScreenId }) {
  const phase = useAppInfo((state) => state.phase);
  const error = useAppInfo((state) => state.error);
  const neverConnected = useConnection((state) => !state.hasBeenOpen && transportKind === 'websocket');
  const stalled = useStalled(phase === 'loading' && neverConnected, stallAfterMs);
  if (phase === 'ready') return <ScreenOutlet screen={screen} />;
  // `error` while loading is a retry of a failed start: keep explaining rather than flicker.
  if (phase === 'failed' || error) {
    const reason = neverConnected
      ? `Could not connect to the host (${error}). ${refusedExplanation}`
      : (error ?? 'The app could not load its information.');
    return <BootError reason={reason} automatic={false} />;
  }
  if (stalled) {
    return <BootError reason={`No connection to the host yet — still trying. ${refusedExplanation}`} automatic />;
  }
  return <ScreenOutlet screen={screen} />;
}
