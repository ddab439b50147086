import { countLabel } from '../../lib/format-problem';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { RefreshCw } from '../../ui/icons';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { ProblemList } from '../../ui/problem-list';
import { ChannelPreview } from './channel-preview';
import { previewSummary } from './notification-labels';
import { NotificationsMissing } from './notifications-missing';
import { useNotificationsPreview } from './use-notifications-preview';

// "Who hears about this run, and what exactly do they get": every channel of notifications.yml
// with the messages a run against the chosen environment would send, before anything is sent.

export function NotificationsPanel({ projectId, environment }: { projectId: string; environment: string }) {
  const { phase, preview, error, load } = useNotificationsPreview(projectId, environment);
  const errors = preview?.problems.filter((problem) => problem.severity === 'error') ?? [];
  const description = !environment
    ? 'Choose an environment to preview its messages.'
    : preview && !preview.missing && errors.length === 0
      ? `${previewSummary(preview, environment)} Made from a sample run: its version and names are examples.`
      : `What each channel would be sent for a run against ${environment}, made from a sample run.`;
  return (
    <Panel
      title="Notifications"
      description={description}
      actions={
        environment ? (
          <Button icon={RefreshCw} size="sm" onClick={() => void load()} busy={phase === 'loading' && !!preview}>
            Refresh
          </Button>
        ) : undefined
      }
      className="notifications-panel"
    >
      {!environment ? null : phase === 'failed' ? (
        <LoadFailed title="Could not preview the notifications" onRetry={() => void load()}>
          {error}
        </LoadFailed>
      ) : !preview ? (
        <Loading label="Reading notifications.yml…" />
      ) : preview.missing ? (
        <NotificationsMissing file={preview.file} />
      ) : (
        <div className="notifications-body">
          {errors.length ? (
            <Banner tone="danger" title={`${preview.file} has ${countLabel(errors.length, 'error')}`} role="alert">
              Fix {errors.length === 1 ? 'it' : 'them'} to preview the messages. Until then a run goes on without
              sending any notification.
            </Banner>
          ) : null}
          <ProblemList problems={preview.problems} label={`Problems in ${preview.file}`} />
          {preview.channels.map((channel) => (
            <ChannelPreview key={channel.channel} channel={channel} environment={environment} />
          ))}
          {preview.channels.length === 0 && errors.length === 0 ? (
            <p className="channel-note">{preview.file} names no channels: a run sends nothing.</p>
          ) : null}
        </div>
      )}
    </Panel>
  );
}
