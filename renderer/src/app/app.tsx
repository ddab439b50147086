import { AttentionToast } from '../features/runs/attention/attention-toast';
import { useAttentionEverywhere } from '../features/runs/attention/use-attention';
import { ConnectionBanner } from './connection-banner';
import { MainContent } from './main-content';
import { useHashRoute } from './navigation';
import { Sidebar } from './sidebar';
import { SkipLink } from './skip-link';
import { StatusBar } from './status-bar';
import { useFocusOnNavigate } from './use-focus-on-navigate';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { useHostProbe } from './use-host-probe';
import { useLiveData } from './use-live-data';
import { useReadyFlag } from './use-ready-flag';
import { useSavedTheme } from './use-theme';
import './app.css';

/** The shell: sidebar, the current screen, the status bar. Screens own everything inside. */
export function App() {
  useLiveData();
  useHostProbe();
  useSavedTheme();
  useReadyFlag();
  useGlobalShortcuts();
  useAttentionEverywhere();
  const route = useHashRoute();
  useFocusOnNavigate(route.screen);
  return (
    <>
      <SkipLink />
      <div className="shell">
        <Sidebar current={route.screen} />
        <div className="workspace">
          <div className="workspace-banner">
            <ConnectionBanner />
          </div>
          <main id="content" className="main" data-screen={route.screen} tabIndex={-1}>
            <MainContent screen={route.screen} />
          </main>
        </div>
        <StatusBar />
      </div>
      <AttentionToast shownRunId={route.screen === 'runs' ? route.params[0] : undefined} />
    </>
  );
}
