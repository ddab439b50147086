import type { AppInfo } from '../../../../shared/api/schemas/app-info';
import { useAppInfo } from '../../app/app-info-store';
import { formatDateTime } from '../../lib/format-time';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { type Property, PropertyList } from '../../ui/property-list';

function hostLabel(info: AppInfo): string {
  if (info.host === 'electron') {
    return info.versions.electron ? `Desktop app (Electron ${info.versions.electron})` : 'Desktop app';
  }
  return info.host === 'browser' ? 'Browser host' : 'Command line';
}

/** What the engine says about itself: fetched over the API, so it also proves the round trip. */
export function AppInfoPanel() {
  const info = useAppInfo((state) => state.info);
  const items: Property[] = info
    ? [
        { label: 'Version', value: info.version, mono: true },
        { label: 'Host', value: hostLabel(info) },
        { label: 'Node.js', value: info.versions.node, mono: true },
        { label: 'Platform', value: `${info.platform} ${info.arch}`, mono: true },
        { label: 'Data directory', value: info.dataDir, mono: true },
        { label: 'Started', value: formatDateTime(info.startedAt) },
      ]
    : [];
  return (
    <Panel title="This installation" description="Where runs, journals and settings are kept.">
      {info ? <PropertyList items={items} /> : <Loading label="Asking the engine…" />}
    </Panel>
  );
}
