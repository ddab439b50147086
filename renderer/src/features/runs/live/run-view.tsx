import { useEffect, useRef, useState } from 'react';
import type { Question } from '../../../../../shared/api/schemas/run-control';
import { exitStepId } from '../../../../../shared/runs/planned-steps';
import { rollbackStepId } from '../../../../../shared/runs/run-state';
import { interruptedAt, shownSteps } from '../../../../../shared/runs/shown-run';
import { hrefFor } from '../../../app/routes';
import { formatDateTime } from '../../../lib/format-time';
import { Banner } from '../../../ui/banner';
import { Button, LinkButton } from '../../../ui/button';
import { LoadFailed } from '../../../ui/load-failed';
import { Loading } from '../../../ui/loading';
import { PageHeader } from '../../../ui/page-header';
import { useRunLogs } from '../../logs/live-logs';
import { formatClock } from '../../monitoring/format-clock';
import { BatchTickDialog } from '../dialogs/batch-tick-dialog';
import { CancelRunDialog } from '../dialogs/cancel-run-dialog';
import { QuestionDialog } from '../dialogs/question-dialog';
import { RollbackNowDialog } from '../dialogs/rollback-now-dialog';
import { OctagonX, RotateCcw } from '../run-icons';
import { RunStatusBadge } from '../run-status-badge';
import { useRuns } from '../runs-store';
import { AlertsPanel } from './alerts-panel';
import { opensItself } from './questions';
import { QuestionsBar } from './questions-bar';
import { canRollBackNow } from './rollback-now';
import { RunBanners } from './run-banners';
import { RunStepper } from './run-stepper';
import { useRunView, watchRun } from './run-view-store';
import { batchForQuestion, type SignOffBatch } from './sign-off-batch';
import { StepDetail } from './step-detail';
import './run-view.css';

// One run (#/runs/<id>): live while it runs here, read-only once it has ended. The stepper on the
// left, the chosen step (the current one, unless another is picked) on the right, and what the
// run waits for above both. Questions that stop the run open their dialog by themselves.

type Open =
  | { kind: 'question'; id: string }
  | { kind: 'cancel' }
  | { kind: 'rollback' }
  | { kind: 'batch'; batch: SignOffBatch; stepTitle: string }
  | undefined;

export function RunView({ runId }: { runId: string }) {
  useEffect(() => watchRun(runId), [runId]);
  useRunLogs(runId);
  const view = useRunView();
  const caveat = useRuns((state) => state.runs.find((r) => r.id === runId)?.caveat);
  // The caveat comes with the run list's summary: read it again once the run is seen to have ended.
  const seenEnded = view.runId === runId && view.run !== undefined && view.run.status !== 'open';
  useEffect(() => {
    if (seenEnded) void useRuns.getState().load();
  }, [seenEnded]);
  const [picked, setPicked] = useState<string>();
  const [open, setOpen] = useState<Open>();
  const autoOpened = useRef(new Set<string>());
  const ready = view.runId === runId && view.run !== undefined;

  // Move focus to the heading when a run is opened from the list (the screen itself did not change).
  useEffect(() => {
    document.querySelector<HTMLElement>('#content [data-page-title]')?.focus({ preventScroll: true });
  }, []);

  // A failure, the typed confirmation or a held lock stops everything: show it without being asked.
  const dialogShown =
    open?.kind === 'cancel' ||
    open?.kind === 'rollback' ||
    open?.kind === 'batch' ||
    (open?.kind === 'question' && view.questions.some((q) => q.id === open.id));
  useEffect(() => {
    if (dialogShown) return;
    const urgent = view.questions.find((q) => opensItself(q) && !autoOpened.current.has(q.id));
    if (!urgent) return;
    autoOpened.current.add(urgent.id);
    setOpen({ kind: 'question', id: urgent.id });
  }, [view.questions, dialogShown]);

  if (!ready) {
    return (
      <div className="screen run-screen">
        <PageHeader title="Run" description={<code>{runId}</code>} />
        {view.phase === 'failed' && view.runId === runId ? (
          <LoadFailed title={`Could not read run ${runId}`} onRetry={() => watchRun(runId, { reload: true })}>
            {view.error}
          </LoadFailed>
        ) : (
          <Loading label="Reading the run's journal…" />
        )}
      </div>
    );
  }

  const run = view.run!;
  // Shown through shown-run: an interrupted run's running step reads as interrupted, not running.
  const steps = shownSteps(run);
  const shownId = picked ?? run.currentStep ?? steps.find((s) => s.state !== 'passed')?.id ?? steps[0]?.id;
  const shown = steps.find((s) => s.id === shownId);
  const stepTitle = (id: string) =>
    id === rollbackStepId
      ? 'Rollback'
      : id === exitStepId
        ? 'Exit criteria'
        : (steps.find((s) => s.id === id)?.title ?? id);
  const answer = (question: Question) => setOpen({ kind: 'question', id: question.id });
  const question = open?.kind === 'question' ? view.questions.find((q) => q.id === open.id) : undefined;
  const ended = run.status !== 'open';
  const still = ended
    ? 'not following: the run has ended'
    : interruptedAt(run)
      ? 'not following: the run is interrupted, nothing drives it until it is resumed'
      : undefined;

  return (
    <div className="screen run-screen">
      <PageHeader
        title={`Deploy ${run.version ?? '?'} to ${run.environment ?? '?'}`}
        description={
          <>
            {run.runbookTitle ?? run.runbook}
            {run.strategy ? ` · ${run.strategy}` : ''} · by {run.operator?.by ?? 'unknown'} · started{' '}
            {formatDateTime(run.startedAt)} · <code>{run.id}</code>
          </>
        }
        actions={
          <>
            <RunStatusBadge status={run.status} interrupted={interruptedAt(run) ? run.interrupted : undefined} />
            <LinkButton href={hrefFor('runs')}>All runs</LinkButton>
            {ended ? null : <LinkButton href={hrefFor('logs', run.id)}>Logs</LinkButton>}
            {view.active && canRollBackNow(run) ? (
              <Button icon={RotateCcw} onClick={() => setOpen({ kind: 'rollback' })}>
                Roll back now…
              </Button>
            ) : null}
            {view.active ? (
              <Button icon={OctagonX} onClick={() => setOpen({ kind: 'cancel' })}>
                Cancel run…
              </Button>
            ) : null}
          </>
        }
      />
      <RunBanners
        run={run}
        extras={view.extras}
        active={view.active}
        onReload={() => watchRun(runId, { reload: true })}
      />
      {caveat && run.status === 'succeeded' ? (
        <Banner
          tone="warning"
          title={caveat.text}
          actions={<LinkButton href={hrefFor('monitoring', run.id)}>Open monitoring</LinkButton>}
        >
          {caveat.state === 'firing' ? 'It fired' : 'Pending since'} {formatClock(caveat.at)}; the run carried on to the
          end.
        </Banner>
      ) : null}
      <QuestionsBar
        questions={view.questions}
        stepTitle={stepTitle}
        onAnswer={answer}
        batchFor={(q) => batchForQuestion(run, view.questions, q)}
        onBatch={
          view.active
            ? (batch, q) => setOpen({ kind: 'batch', batch, stepTitle: 'step' in q ? stepTitle(q.step) : '' })
            : undefined
        }
      />
      <div className="run-body">
        <div className="run-side">
          <RunStepper
            steps={steps}
            roles={run.roles}
            current={ended ? undefined : run.currentStep}
            selected={shownId}
            onSelect={(id) => setPicked(id === run.currentStep ? undefined : id)}
            ended={ended}
          />
          {picked && !ended ? (
            <Button size="sm" variant="ghost" onClick={() => setPicked(undefined)}>
              Follow the current step
            </Button>
          ) : null}
        </div>
        {shown ? (
          <StepDetail
            key={shown.id}
            runId={runId}
            step={shown}
            roles={run.roles}
            extras={view.extras}
            questions={view.questions}
            ended={ended}
            onAnswer={answer}
            onBatch={
              view.active ? (batch) => setOpen({ kind: 'batch', batch, stepTitle: stepTitle(shown.id) }) : undefined
            }
            still={still}
          />
        ) : null}
      </div>
      <AlertsPanel extras={view.extras} />
      {question ? (
        <QuestionDialog runId={runId} question={question} stepTitle={stepTitle} onClose={() => setOpen(undefined)} />
      ) : null}
      {open?.kind === 'batch' ? (
        <BatchTickDialog
          runId={runId}
          batch={open.batch}
          stepTitle={open.stepTitle}
          onClose={() => setOpen(undefined)}
        />
      ) : null}
      {open?.kind === 'cancel' ? <CancelRunDialog runId={runId} onClose={() => setOpen(undefined)} /> : null}
      {open?.kind === 'rollback' ? <RollbackNowDialog runId={runId} onClose={() => setOpen(undefined)} /> : null}
    </div>
  );
}
