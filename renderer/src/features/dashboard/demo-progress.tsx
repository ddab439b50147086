import type { DemoProgressPush } from '../../../../shared/api/schemas/demo';
import { Check, Circle, Loader } from './demo-icons';
import { stageRows } from './demo-stages';

const icons = { done: Check, current: Loader, pending: Circle };

/** The set-up's stages, ticked as the host reports them, with what it is doing right now. */
export function DemoProgress({ progress }: { progress?: DemoProgressPush }) {
  return (
    <div className="demo-progress">
      <ol className="demo-stages" aria-label="Setting up the demo">
        {stageRows(progress?.stage).map((row) => {
          const Icon = icons[row.state];
          return (
            <li key={row.stage} className={`demo-stage demo-stage-${row.state}`}>
              <Icon size={14} aria-hidden className="demo-stage-icon" />
              <span>{row.label}</span>
              {row.state === 'current' ? <span className="visually-hidden"> (in progress)</span> : null}
            </li>
          );
        })}
      </ol>
      <p className="demo-progress-message" role="status">
        {progress?.message ?? 'Starting…'}
      </p>
    </div>
  );
}
