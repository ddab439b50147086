import type { RunPreview } from '../../../../../shared/api/schemas/runs-ui';
import { CircleCheck, CircleDashed, CircleX } from '../run-icons';

// What the start will check before anything runs, as the preview found it: each guard passed,
// would refuse (with the start's own reason), or cannot be told (its host did not answer).

const label = { passed: 'Passed', refused: 'Would refuse', unknown: 'Cannot tell' } as const;
const lifts = {
  'window-override': 'an override with a written reason can lift it',
  'break-lock': 'the start will ask whether to break it',
} as const;

export function PreviewGuards({ guards }: { guards: RunPreview['guards'] }) {
  if (guards.length === 0) return null;
  return (
    <ul className="preview-guards" aria-label="Checks before the start">
      {guards.map((guard) => {
        const Icon = guard.outcome === 'passed' ? CircleCheck : guard.outcome === 'refused' ? CircleX : CircleDashed;
        return (
          <li key={guard.guard} className={`preview-line preview-guard preview-guard-${guard.outcome}`}>
            <Icon size={14} aria-hidden className="preview-line-icon" />
            <div className="preview-line-text">
              <span>
                <strong>{label[guard.outcome]}</strong> — {guard.guard}
              </span>
              <span className="preview-guard-detail">
                {guard.detail}
                {guard.outcome === 'refused' && guard.lift ? ` (${lifts[guard.lift]})` : ''}
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
