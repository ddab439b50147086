import { Banner } from '../ui/banner';
import { Button } from '../ui/button';
import { RefreshCw } from '../ui/icons';
import { useAppInfo } from './app-info-store';
import { isConnectionLost } from './connection-state';
import { useConnection } from './connection-store';

/** Shown across the top of every screen while the host is unreachable after having worked. */
export function ConnectionBanner() {
  const state = useConnection();
  // When the app never got going, the boot error already explains; one message is enough.
  const bootFailed = useAppInfo((s) => s.phase === 'failed');
  if (!isConnectionLost(state) || bootFailed) return null;
  if (state.status === 'closed') {
    return (
      <Banner
        tone="danger"
        role="alert"
        title="Lost connection to the Release Pilot host"
        actions={
          <Button size="sm" icon={RefreshCw} onClick={() => window.location.reload()}>
            Reload
          </Button>
        }
      >
        The connection was closed. Check that the host is running; a restarted host prints a new URL to open.
      </Banner>
    );
  }
  return (
    <Banner tone="warning" role="alert" title="Lost connection to the Release Pilot host — retrying…">
      Check that the host is still running. If you restarted it, open the new URL it printed.
    </Banner>
  );
}
