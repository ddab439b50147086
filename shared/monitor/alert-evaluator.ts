import { type AlertCondition, parseAlertCondition } from '../formats/alert-condition';
import type { RunEventData } from '../runs/run-events';
import type { MetricValues } from './probe-metrics';

// Alert rules as a state machine per rule: ok → pending (condition true, `for` not yet elapsed) →
// firing, and back to ok as soon as the condition is false. Only changes come out, so the journal
// gets exactly one event per change however often the rules are evaluated.

export type AlertState = 'ok' | 'pending' | 'firing';

/** A runbook `alerts:` entry after validation (`for` in ms). */
export interface AlertRuleSpec {
  name: string;
  condition: string;
  for: number;
  severity: 'critical' | 'warning' | 'info';
  action: 'notify' | 'rollback';
}

export interface RuleStatus {
  rule: string;
  condition: string;
  state: AlertState;
  severity: AlertRuleSpec['severity'];
  action: AlertRuleSpec['action'];
  /** The metric's value at the last evaluation that knew it. */
  value?: number;
  /** Epoch ms the current state began. */
  since: number;
}

/** One state change: the data of an `alert.changed` event plus what it changed from and when. */
export type AlertTransition = RunEventData['alert.changed'] & { previous: AlertState; at: number };

export interface AlertEvaluator {
  /** Evaluates every rule against the current values; returns the rules whose state changed. */
  evaluate(values: MetricValues, now: number): AlertTransition[];
  statuses(): RuleStatus[];
  /**
   * Judges every rule anew from `now` (a cutover): a condition that still holds starts its `for`
   * again, so what the previous phase saw never counts toward firing in the next.
   */
  restart(now: number): void;
}

interface RuleTrack {
  spec: AlertRuleSpec;
  parsed: AlertCondition;
  status: RuleStatus;
  /** When the condition became (and stayed) true. */
  trueSince?: number;
}

/** Throws naming the rule when a condition does not parse (the runbook schema normally caught it). */
export function createAlertEvaluator(rules: readonly AlertRuleSpec[], startedAt = 0): AlertEvaluator {
  const tracks: RuleTrack[] = rules.map((spec) => {
    const parsed = parseAlertCondition(spec.condition);
    if ('error' in parsed) throw new Error(`alert rule "${spec.name}": ${parsed.error}`);
    if (!(spec.for >= 0)) throw new Error(`alert rule "${spec.name}": for must be 0 or more ms, got ${spec.for}`);
    const { name: rule, condition, severity, action } = spec;
    return { spec, parsed, status: { rule, condition, state: 'ok', severity, action, since: startedAt } };
  });

  const step = (track: RuleTrack, value: number, now: number): AlertState => {
    if (!conditionHolds(track.parsed, value)) {
      track.trueSince = undefined;
      return 'ok';
    }
    track.trueSince ??= now;
    return now - track.trueSince >= track.spec.for ? 'firing' : 'pending';
  };

  return {
    evaluate(values, now) {
      const changes: AlertTransition[] = [];
      for (const track of tracks) {
        const value = values[track.parsed.metric];
        // No data yet (or a source that failed): keep the state rather than guess.
        if (value === undefined || Number.isNaN(value)) continue;
        track.status.value = value;
        const previous = track.status.state;
        const next = step(track, value, now);
        if (next === previous) continue;
        track.status.state = next;
        track.status.since = now;
        const { rule, condition, severity, action } = track.status;
        changes.push({ rule, condition, state: next, value, severity, action, previous, at: now });
      }
      return changes;
    },
    statuses() {
      return tracks.map((t) => ({ ...t.status }));
    },
    restart(now) {
      for (const track of tracks) if (track.trueSince !== undefined) track.trueSince = now;
    },
  };
}

/** Whether a rule's condition is true of a value (also used to see a rule quiet after a revert). */
export function conditionHolds(condition: AlertCondition, value: number): boolean {
  switch (condition.op) {
    case '>':
      return value > condition.threshold;
    case '>=':
      return value >= condition.threshold;
    case '<':
      return value < condition.threshold;
    case '<=':
      return value <= condition.threshold;
  }
}
