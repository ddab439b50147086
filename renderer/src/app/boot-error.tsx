import type { ReactNode } from 'react';
import { transportKind } from '../api/client';
import { Banner } from '../ui/banner';
import { Button } from '../ui/button';
import { PlugZap, RefreshCw } from '../ui/icons';
import { useAppInfo } from './app-info-store';
import './boot-error.css';

export interface BootErrorProps {
  /** Why the app cannot start; for a stalled connection, what is still being tried. */
  reason: ReactNode;
  /** The transport keeps trying by itself (the view goes away once connected): no button. */
  automatic: boolean;
  /** False when another try cannot help (the host refuses this page's token): no button. */
  retry?: boolean;
}

function BrowserAdvice() {
  return (
    <ol className="boot-steps">
      <li>
        Open the exact address the host printed when it started, on the line beginning with <code>open:</code>. It
        carries the access token this page needs; an old or hand-typed address is refused.
      </li>
      <li>
        If the host is not running, start it with <code>release-pilot web</code> (or <code>npm run web</code>) and open
        the address it prints.
      </li>
    </ol>
  );
}

function DesktopAdvice() {
  return (
    <ol className="boot-steps">
      <li>Quit Release Pilot and start it again.</li>
      <li>If this keeps happening, the log in the app's data folder says what failed.</li>
    </ol>
  );
}

/** Replaces the screen when the app cannot reach its engine: says why and what to do. */
export function BootError({ reason, automatic, retry = true }: BootErrorProps) {
  const load = useAppInfo((state) => state.load);
  const loading = useAppInfo((state) => state.phase === 'loading');
  return (
    <div className="boot-error">
      <div className="boot-error-icon">
        <PlugZap size={24} aria-hidden />
      </div>
      <h1 tabIndex={-1} data-page-title>
        Can't reach the Release Pilot {transportKind === 'ipc' ? 'engine' : 'host'}
      </h1>
      <Banner tone={automatic ? 'warning' : 'danger'} role="alert">
        {reason}
      </Banner>
      {transportKind === 'ipc' ? <DesktopAdvice /> : <BrowserAdvice />}
      {/* Without a (valid) token another try fails the same way; only a new address helps. */}
      {automatic || !retry || transportKind === 'none' ? null : (
        <Button variant="primary" icon={RefreshCw} busy={loading} onClick={() => void load()}>
          Try again
        </Button>
      )}
    </div>
  );
}
