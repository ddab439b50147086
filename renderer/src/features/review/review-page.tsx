import { useState } from 'react';
import { staleTicks } from '../../../../shared/review/review-items';
import { hrefFor } from '../../app/routes';
import { errorMessage } from '../../lib/error-message';
import { Banner } from '../../ui/banner';
import { Button, LinkButton } from '../../ui/button';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { ProblemList } from '../../ui/problem-list';
import { ArrowLeft } from './review-icons';
import { CarryNote, GateProgressList } from './review-overview';
import type { ReviewTarget } from './review-route';
import { keyOf, reviewStore, useReview } from './review-store';
import { ReviewToolbar } from './review-toolbar';
import { ChecklistBlock, StepSection } from './step-section';
import { StepsNav } from './steps-nav';
import { useItemRenderer } from './use-item-renderer';
import './review.css';

// The offline checklist review of one runbook: every step's checklists read from the project's
// files (no host is contacted), pre-ticked here with signer, role and note, exported as markdown,
// and carried into the next run of the runbook.

export function ReviewPage({ target }: { target: ReviewTarget }) {
  const entry = useReview(target);
  const { outline } = entry;
  const renderItem = useItemRenderer(target, entry, outline);
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string }>();
  const back = (
    <div className="review-back">
      <LinkButton href={hrefFor('runbooks')} icon={ArrowLeft} variant="ghost">
        All runbooks
      </LinkButton>
    </div>
  );

  if (!outline) {
    return (
      <div className="review-page">
        {back}
        {entry.phase === 'failed' ? (
          <LoadFailed
            title={`Could not open the checklists of ${target.runbookId}`}
            onRetry={() => void reviewStore.getState().load(target)}
          >
            {entry.error}
          </LoadFailed>
        ) : (
          <Loading label="Reading the runbook from the project’s files…" />
        )}
      </div>
    );
  }

  const errors = outline.problems.filter((p) => p.severity === 'error');
  const warnings = outline.problems.filter((p) => p.severity === 'warning');
  const stale = staleTicks(outline, entry.ticks);
  const removeStale = async () => {
    const gone = new Set(stale.map((t) => t.item));
    const ok = await reviewStore.getState().save(target, (ticks) => ticks.filter((t) => !gone.has(t.item)), '*');
    setNotice(ok ? { tone: 'success', text: 'Removed the pre-ticks of items the runbook no longer has.' } : undefined);
  };

  return (
    <div className="review-page">
      {back}
      {entry.phase === 'failed' ? (
        <LoadFailed title="Could not refresh the review" onRetry={() => void reviewStore.getState().load(target)}>
          {entry.error}
        </LoadFailed>
      ) : null}
      {errors.length > 0 ? (
        <Banner
          tone="danger"
          title={`${outline.runbook.file} has ${errors.length} error${errors.length === 1 ? '' : 's'}`}
        >
          Fix them in the file, then come back: the checklists show once the runbook loads.
          <ProblemList problems={errors} label={`Errors in ${outline.runbook.file}`} />
        </Banner>
      ) : null}
      {warnings.length > 0 ? (
        <Banner tone="warning" title={`${outline.runbook.file} has warnings`}>
          <ProblemList problems={warnings} label={`Warnings in ${outline.runbook.file}`} limit={3} />
        </Banner>
      ) : null}
      {stale.length > 0 ? (
        <Banner
          tone="warning"
          title="Some pre-ticks name items this runbook no longer has"
          actions={
            <Button size="sm" onClick={() => void removeStale()} busy={entry.saving === '*'}>
              Remove them
            </Button>
          }
        >
          {stale.map((t) => t.item).join(', ')}: they will not be carried into the run.
        </Banner>
      ) : null}
      {errors.length === 0 ? (
        <>
          <Panel
            title={outline.runbook.title}
            description={`Read from ${outline.runbook.file} on this machine: no host is contacted. Pre-ticks are kept here.`}
            actions={
              <ReviewToolbar
                outline={outline}
                ticks={entry.ticks}
                saving={entry.saving === '*'}
                onNotice={setNotice}
                onClear={async () => {
                  if (await reviewStore.getState().save(target, () => [], '*')) return undefined;
                  return errorMessage(reviewStore.getState().byKey[keyOf(target)]?.saveError?.message);
                }}
              />
            }
          >
            <CarryNote outline={outline} ticks={entry.ticks} />
            <div className="review-notice" role="status">
              {notice ? <span className={`review-notice-${notice.tone}`}>{notice.text}</span> : null}
            </div>
            <GateProgressList outline={outline} ticks={entry.ticks} />
          </Panel>
          <div className="review-columns">
            <StepsNav outline={outline} ticks={entry.ticks} />
            <div className="review-steps">
              {outline.steps.map((step, index) => (
                <StepSection key={step.id} step={step} index={index} roles={outline.roles} renderItem={renderItem} />
              ))}
              <section className="review-step" aria-labelledby="review-step-exit-title">
                <header className="review-step-header">
                  <h2 id="review-step-exit-title" className="review-step-title" tabIndex={-1}>
                    Exit criteria
                  </h2>
                  <p className="review-step-meta">
                    When the deployment counts as complete; asked for at the end of the run.
                  </p>
                </header>
                {outline.exitCriteria.length === 0 ? (
                  <p className="review-none">The runbook names no exit criteria.</p>
                ) : (
                  <ul className="review-items">
                    {outline.exitCriteria.map((item) =>
                      renderItem(item, item.check !== undefined ? 'automatic' : 'manual'),
                    )}
                  </ul>
                )}
              </section>
              {outline.rollback.length > 0 ? (
                <section className="review-step" aria-labelledby="review-step-rollback-title">
                  <header className="review-step-header">
                    <h2 id="review-step-rollback-title" className="review-step-title" tabIndex={-1}>
                      Rollback
                    </h2>
                    <p className="review-step-meta">Checked only if the run rolls back, so never pre-ticked.</p>
                  </header>
                  {outline.rollback.map((list) => (
                    <ChecklistBlock key={list.title} list={list} renderItem={renderItem} rollback />
                  ))}
                </section>
              ) : null}
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
