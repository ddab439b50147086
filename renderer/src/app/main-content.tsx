import { transportKind } from '../api/client';
import { useAppInfo } from './app-info-store';
import { BootError } from './boot-error';
import { connectionProblem } from './connection-state';
import { useConnection } from './connection-store';
import type { ScreenId } from './routes';
import { ScreenOutlet } from './screen-outlet';

/** The current screen, or the boot error when the engine cannot be reached. */
export function MainContent({ screen }: { screen: ScreenId }) {
  const phase = useAppInfo((state) => state.phase);
  const error = useAppInfo((state) => state.error);
  const neverConnected = useConnection((state) => transportKind === 'websocket' && !state.hasBeenOpen);
  // Before the socket has ever opened, probing the host (use-host-probe.ts) says why it does not.
  const problem = useConnection(connectionProblem);
  if (phase === 'ready') return <ScreenOutlet screen={screen} />;
  if (neverConnected && problem === 'token-refused') {
    return (
      <BootError
        reason="The Release Pilot host refuses this page's access token: the address is out of date (the host prints a new token each time it starts) or mistyped."
        automatic={false}
        retry={false}
      />
    );
  }
  if (neverConnected && problem === 'host-not-running') {
    return (
      <BootError
        reason={
          <>
            The Release Pilot host is not running. Start it again with <code>npm run web</code> — this page connects by
            itself when it is back.
          </>
        }
        automatic
      />
    );
  }
  // `error` while loading is a retry of a failed start: keep explaining rather than flicker.
  if (phase === 'failed' || error) {
    const reason = neverConnected
      ? `Could not connect to the host (${error}).`
      : (error ?? 'The app could not load its information.');
    return <BootError reason={reason} automatic={false} />;
  }
  return <ScreenOutlet screen={screen} />;
}
