import type { RunState } from '../../../../../shared/runs/run-state';
import { hrefFor } from '../../../app/routes';
import { formatDateTime, runDuration } from '../../../lib/format-time';
import { Banner } from '../../../ui/banner';
import { Button, LinkButton } from '../../../ui/button';
import { InterruptedActions } from '../history/interrupted-actions';
import { firingAlerts, type RunExtras } from './run-extras';
import { useRunView } from './run-view-store';

// What the person must know about the whole run before its steps: alerts firing now, a rollback in
// progress or done, how it ended, or that it was left open by a crash.

const endings = {
  succeeded: { tone: 'success', title: 'The run succeeded' },
  failed: { tone: 'danger', title: 'The run failed' },
  'rolled-back': { tone: 'warning', title: 'The run was rolled back' },
  aborted: { tone: 'info', title: 'The run was aborted' },
} as const;

export function RunBanners({
  run,
  extras,
  active,
  onReload,
}: {
  run: RunState;
  extras: RunExtras;
  active: boolean;
  onReload(): void;
}) {
  const notice = useRunView((state) => state.notice);
  // Monitoring stops with the run: an alert still "firing" at the end is history, told by the rollback
  // or the ending below, not a live alarm.
  const firing = run.status === 'open' ? firingAlerts(extras) : [];
  const current = [...run.steps, ...(run.rollbackStep ? [run.rollbackStep] : [])].find((s) => s.id === run.currentStep);
  const ending = run.status in endings ? endings[run.status as keyof typeof endings] : undefined;
  return (
    <div className="run-banners">
      {notice ? (
        <Banner
          tone="info"
          actions={
            <Button size="sm" variant="ghost" onClick={() => useRunView.setState({ notice: undefined })}>
              Dismiss
            </Button>
          }
        >
          {notice}
        </Banner>
      ) : null}
      {firing.length ? (
        <Banner tone="danger" role="alert" title={`Alert firing: ${firing.map((a) => a.rule).join(', ')}`}>
          {firing
            .map((a) => `${a.condition} (${a.severity}${a.action === 'rollback' ? ', rolls back' : ''})`)
            .join('; ')}
        </Banner>
      ) : null}
      {run.rollback ? (
        <Banner
          tone={run.rollback.ok === false ? 'danger' : 'warning'}
          role={run.rollback.ok === undefined ? 'status' : undefined}
          title={
            run.rollback.ok === undefined
              ? 'Rolling back…'
              : run.rollback.ok
                ? 'Rolled back to the previous version'
                : 'The rollback failed'
          }
        >
          {run.rollback.trigger === 'alert'
            ? 'Triggered by an alert rule'
            : run.rollback.trigger === 'manual'
              ? 'Triggered by hand (Roll back now)'
              : `Triggered by the ${run.rollback.trigger}`}
          : {run.rollback.reason}. {run.rollback.error ? `${run.rollback.error.message}.` : ''}
          {run.rollback.verified ? ` Verified by ${run.rollback.verified.by}: ${run.rollback.verified.detail}.` : ''}{' '}
          Its steps are under “Rollback” in the list.
        </Banner>
      ) : null}
      {run.status === 'open' && !active && run.interrupted ? (
        <Banner
          tone="warning"
          title="Interrupted: this run stopped at a safe point and waits to be resumed"
          actions={<InterruptedActions runId={run.id} onDone={onReload} />}
        >
          {run.interrupted.reason} (by {run.interrupted.by}, {formatDateTime(run.interrupted.at)})
          {current ? `, at step “${current.title}”` : ''}. It keeps its deploy lock. Resume re-checks that step and goes
          on; Close ends it as failed and releases the lock.
        </Banner>
      ) : null}
      {run.status === 'open' && !active && !run.interrupted ? (
        <Banner
          tone="warning"
          title="Left open: no app is driving this run"
          actions={<InterruptedActions runId={run.id} onDone={onReload} />}
        >
          Its journal has no end: the app stopped (a crash, a closed window) while it ran
          {current ? `, at step “${current.title}”` : ''}. Resume re-checks that step and goes on; Close ends it as
          failed.
        </Banner>
      ) : null}
      {run.lockLeft ? (
        <Banner tone="warning" title="The deploy lock is still held">
          {/* The title already says "still held": the where and the why, not the CLI's line again. */}
          At <code>{run.lockLeft.where}</code>: the release failed ({run.lockLeft.error}). The next run from this
          machine releases it, since this run ended; from anywhere else it must be broken explicitly.
        </Banner>
      ) : null}
      {ending ? (
        <Banner
          tone={ending.tone}
          title={ending.title}
          actions={
            <>
              <LinkButton size="sm" href={hrefFor('logs', run.id)}>
                Logs
              </LinkButton>
              <LinkButton size="sm" variant="primary" href={hrefFor('reports', run.id)}>
                Open the report
              </LinkButton>
            </>
          }
        >
          {run.endReason && run.endReason !== run.rollback?.reason ? `${run.endReason}. ` : ''}Ended{' '}
          {formatDateTime(run.endedAt)}
          {runDuration(run.startedAt, run.endedAt) ? `, after ${runDuration(run.startedAt, run.endedAt)}` : ''}. This
          view is read-only.
        </Banner>
      ) : null}
    </div>
  );
}
