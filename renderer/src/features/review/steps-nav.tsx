import type { ReviewOutline, ReviewTick } from '../../../../shared/api/schemas/review';
import { stepAnchor } from './step-section';

// The steps at a glance, each with how many of its items are pre-ticked; choosing one moves to it
// and puts focus on its heading (buttons, not links: the address bar's hash is the app's route).

function goTo(headingId: string) {
  const heading = document.getElementById(headingId);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

export function StepsNav({ outline, ticks }: { outline: ReviewOutline; ticks: readonly ReviewTick[] }) {
  const ticked = new Set(ticks.map((t) => t.item));
  const countOf = (items: readonly { key: string }[]) =>
    items.length ? `${items.filter((i) => ticked.has(i.key)).length}/${items.length}` : '';
  const entries = [
    ...outline.steps.map((step, index) => {
      const items = step.checklists.flatMap((list) => list.items).filter((item) => item.check === undefined);
      return {
        id: `${stepAnchor(step.id)}-title`,
        label: `${index + 1}. ${step.title}`,
        count: countOf(items),
      };
    }),
    {
      id: 'review-step-exit-title',
      label: 'Exit criteria',
      count: countOf(outline.exitCriteria.filter((item) => item.check === undefined)),
    },
    ...(outline.rollback.length > 0 ? [{ id: 'review-step-rollback-title', label: 'Rollback', count: '' }] : []),
  ];
  return (
    <nav className="review-nav" aria-label="Runbook steps">
      <ol>
        {entries.map((entry) => (
          <li key={entry.id}>
            <button type="button" className="review-nav-link" onClick={() => goTo(entry.id)}>
              <span className="review-nav-label">{entry.label}</span>
              {entry.count ? (
                <>
                  <span className="review-nav-count" aria-hidden>
                    {entry.count}
                  </span>
                  <span className="visually-hidden">, {entry.count.replace('/', ' of ')} pre-ticked</span>
                </>
              ) : null}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
