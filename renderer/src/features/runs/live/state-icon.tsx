import { Loader } from '../../../ui/icons';
import {
  CircleCheck,
  CircleDashed,
  CircleMinus,
  CirclePause,
  CircleX,
  OctagonPause,
  OctagonX,
  RotateCcw,
} from '../run-icons';
import type { ShownState } from './step-state';

/** The icon of a step's or action's state; the state's word is always beside it, so it is decorative. */
export function StateIcon({ state, size = 16 }: { state: ShownState; size?: number }) {
  const props = { size, 'aria-hidden': true as const, className: `state-icon state-icon-${state}` };
  switch (state) {
    case 'passed':
      return <CircleCheck {...props} />;
    case 'failed':
      return <CircleX {...props} />;
    case 'running':
      return <Loader {...props} />;
    case 'waiting':
      return <CirclePause {...props} />;
    case 'skipped':
      return <CircleMinus {...props} />;
    case 'interrupted':
      // Stopped, not spinning: nothing drives the run until it is resumed.
      return <OctagonPause {...props} />;
    case 'rolled-back':
      return <RotateCcw {...props} />;
    case 'stopped':
      return <OctagonX {...props} />;
    default:
      return <CircleDashed {...props} />;
  }
}
