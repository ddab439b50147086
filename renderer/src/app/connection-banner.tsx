import { webStartCommand } from '../../../shared/host/start-command';
import { Banner } from '../ui/banner';
import { Button } from '../ui/button';
import { RefreshCw } from '../ui/icons';
import { useAppInfo } from './app-info-store';
import { connectionProblem, isConnectionLost } from './connection-state';
import { useConnection } from './connection-store';

/** The address the host prints, with the token elided: what to look for in its output. */
export function printedAddressHint(): string {
  return `${window.location.origin}/?token=…`;
}

/** Shown across the top of every screen while the host is unreachable after having worked. */
export function ConnectionBanner() {
  const state = useConnection();
  // When the app never got going, the boot error already explains; one message is enough.
  const bootFailed = useAppInfo((s) => s.phase === 'failed');
  // The host said how to start it again (same port and data folder); an older host did not.
  const info = useAppInfo((s) => s.info);
  const startCommand =
    info?.startCommand ?? (info ? webStartCommand(window.location.port || '4310', info.dataDir) : 'npm run web');
  if (!isConnectionLost(state) || bootFailed) return null;
  switch (connectionProblem(state)) {
    case 'closed':
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
    case 'host-not-running':
      return (
        <Banner tone="warning" role="alert" title="The Release Pilot host is not running.">
          Start it again with <code>{startCommand}</code> (from the Release Pilot folder) and open the URL it prints in
          this tab: what you typed but did not save is kept. Runs it was driving were interrupted and can be resumed.
        </Banner>
      );
    case 'token-refused':
      // No "retrying": this page's token will never be accepted again. Nothing is reloaded, so
      // what the person typed stays on screen (and in this tab's drafts, for the new URL).
      return (
        <Banner tone="danger" role="alert" title="The Release Pilot host was restarted with a new token.">
          To reconnect, open the new URL it printed, <code>{printedAddressHint()}</code>, in this tab: what you typed
          but did not save is kept.
        </Banner>
      );
    default:
      return (
        <Banner tone="warning" role="alert" title="Lost connection to the Release Pilot host — retrying…">
          Check that the host is still running. If you restarted it, open the new URL it printed.
        </Banner>
      );
  }
}
