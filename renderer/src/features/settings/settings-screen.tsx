import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { SettingsForm } from './settings-form';
import { useSettings } from './settings-store';
import './settings.css';

export function SettingsScreen() {
  const { phase, settings, error, load } = useSettings();
  return (
    <div className="screen">
      <PageHeader title="Settings" description="Who you are in a run's record, and how Release Pilot looks." />
      {settings ? (
        <SettingsForm saved={settings} />
      ) : phase === 'failed' ? (
        <LoadFailed title="Could not load the settings" onRetry={() => void load()}>
          {error}
        </LoadFailed>
      ) : (
        <Panel>
          <Loading label="Loading settings…" />
        </Panel>
      )}
    </div>
  );
}
