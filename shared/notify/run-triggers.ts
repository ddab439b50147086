import type { NotifyTrigger } from '../formats/notifications-schema';
import type { RunEvent } from '../runs/run-event';
import type { EndStatus, ErrorRecord } from '../runs/run-events';
import type { RunState } from '../runs/run-state';
import type { TriggerContext } from './message-types';

// Which journal events are moments stakeholders hear about. Stateful only to say each failure
// once: a failed action that waits for a decision and is then aborted is one failure, not two.

export interface TriggerHit {
  trigger: NotifyTrigger;
  context: TriggerContext;
}

export type TriggerTracker = (event: RunEvent, state: RunState) => TriggerHit[];

const data = <T>(event: RunEvent) => event.data as T;

export function createTriggerTracker(): TriggerTracker {
  /** Steps whose failure was announced since they last started. */
  const announced = new Set<string>();
  let anyFailure = false;

  const failed = (context: TriggerContext): TriggerHit[] => {
    if (context.step !== undefined) {
      if (announced.has(context.step)) return [];
      announced.add(context.step);
    }
    anyFailure = true;
    return [{ trigger: 'failed', context }];
  };

  return (event, state) => {
    switch (event.type) {
      case 'run.started':
        return [{ trigger: 'run-started', context: {} }];
      case 'step.started':
        // A retry (or a step begun again after a resume) can fail anew: that failure is news.
        announced.delete(data<{ step: string }>(event).step);
        return [];
      case 'step.waiting': {
        const d = data<{ step: string; approvals?: string[]; decision?: string }>(event);
        if (d.approvals && d.approvals.length > 0)
          return [{ trigger: 'approval-requested', context: { step: d.step, roles: [...d.approvals] } }];
        // Waiting on a decision means an action (or check) failed with no automatic retry left.
        if (d.decision !== undefined) return failed({ step: d.step, action: d.decision });
        return [];
      }
      case 'step.failed': {
        const d = data<{ step: string; error?: ErrorRecord }>(event);
        return failed({ step: d.step, error: d.error });
      }
      case 'rollback.started': {
        const d = data<{ reason: string; trigger: string }>(event);
        return [{ trigger: 'rolled-back', context: { reason: d.reason, rollbackTrigger: d.trigger } }];
      }
      case 'rollback.finished': {
        const d = data<{ ok: boolean; error?: ErrorRecord }>(event);
        if (d.ok) return [];
        return failed({ step: '@rollback', error: d.error ?? { code: 'rollback-failed', message: 'rollback failed' } });
      }
      case 'run.finished': {
        const d = data<{ status: EndStatus; reason?: string }>(event);
        const finished: TriggerHit = { trigger: 'finished', context: { status: d.status, reason: d.reason } };
        // A run that failed without a failing step (a host gone, a lock refused) is still a failure.
        if (d.status === 'failed' && !anyFailure) {
          anyFailure = true;
          const error = { code: 'run-failed', message: d.reason ?? state.endReason ?? 'the run failed' };
          return [{ trigger: 'failed', context: { error } }, finished];
        }
        return [finished];
      }
      default:
        return [];
    }
  };
}
