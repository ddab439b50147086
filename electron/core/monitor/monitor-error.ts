import { CodedError } from '../lib/coded-error';

export type MonitorErrorCode =
  | 'invalid-probe' // a probe setting is malformed (URL, rate, timeout, version source): nothing was sent
  | 'no-probe-url' // neither monitoring.probes.url nor a health URL to fall back on
  | 'invalid-rule' // an alert rule's condition does not parse (the runbook schema normally caught it)
  | 'alert-rollback' // a rule with action rollback fired while a strategy was waiting
  | 'monitor-stopped'; // monitoring stopped (the run ended) while a strategy was waiting

/** Monitoring that cannot start, or a watch cut short by a rollback rule. */
export class MonitorError extends CodedError<MonitorErrorCode> {}

export type PrometheusErrorCode =
  | 'invalid-url' // the server URL is not an http(s) URL
  | 'unknown-query' // a name that is not among the configured queries
  | 'unreachable' // no HTTP answer (refused, DNS, timeout)
  | 'http-error' // an HTTP status other than 200/400/422
  | 'bad-query' // Prometheus rejected the PromQL (bad_data / execution error)
  | 'bad-response'; // an answer that is not Prometheus's JSON, or a query giving several series

/** Every message names the server and, where there is one, the query by name and PromQL. */
export class PrometheusError extends CodedError<PrometheusErrorCode> {}
