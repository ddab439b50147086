import { useSettings } from '../features/settings/settings-store';
import { useAppInfo } from './app-info-store';
import { connectionLabel, connectionProblem } from './connection-state';
import { useConnection } from './connection-store';
import { hrefFor } from './routes';
import './status-bar.css';

const hostLabels = { electron: 'Desktop app', browser: 'Browser host', cli: 'CLI' } as const;

function ConnectionIndicator() {
  const status = useConnection((state) => state.status);
  const label = useConnection(connectionLabel);
  // A refused token will not fix itself: red like "closed", not the amber of a retry.
  const refused = useConnection((state) => connectionProblem(state) === 'token-refused');
  return (
    <span className={`statusbar-item connection connection-${status}${refused ? ' connection-refused' : ''}`}>
      <span className="connection-dot" aria-hidden />
      {label}
    </span>
  );
}

function OperatorItem() {
  const settings = useSettings((state) => state.settings);
  if (!settings) return null;
  if (!settings.operatorName) {
    return (
      <a className="statusbar-item statusbar-link" href={hrefFor('settings')}>
        No operator set
      </a>
    );
  }
  const role = settings.operatorRole ? ` · ${settings.operatorRole}` : '';
  return <span className="statusbar-item">{`${settings.operatorName}${role}`}</span>;
}

/** The bottom bar: connection, host and operator at a glance, on every screen. */
export function StatusBar() {
  const info = useAppInfo((state) => state.info);
  return (
    <footer className="statusbar">
      <div className="statusbar-group">
        <ConnectionIndicator />
        {info ? <span className="statusbar-item">{hostLabels[info.host]}</span> : null}
      </div>
      <div className="statusbar-group">
        <OperatorItem />
        {info ? (
          <span className="statusbar-item">
            Release Pilot <span data-testid="app-version">{info.version}</span>
          </span>
        ) : null}
      </div>
    </footer>
  );
}
