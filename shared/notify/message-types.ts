import type { NotifyTrigger } from '../formats/notifications-schema';
import type { EndStatus, ErrorRecord } from '../runs/run-events';

// One notification as every channel kind sees it, before it is shaped for Slack, Teams, a JSON
// webhook or an e-mail. Pure data, so the UI can preview exactly what will be sent.

export type Severity = 'info' | 'success' | 'warning' | 'error';

export interface Fact {
  name: string;
  value: string;
}

/** The run a notification is about, as a receiver's automation would want it. */
export interface RunBrief {
  id: string;
  project?: string;
  environment?: string;
  version?: string;
  previousVersion?: string;
  runbook?: string;
  strategy?: string;
  operator?: string;
  status: string;
  startedAt?: string;
  endedAt?: string;
}

/** Where the run's report is: a path on the operator's machine, a URL, and/or its markdown. */
export interface ReportRef {
  path?: string;
  url?: string;
  /** The report itself: attached to e-mails. */
  markdown?: string;
}

/** What the event that triggered a notification said; missing parts are read from the run state. */
export interface TriggerContext {
  step?: string;
  /** The action or checklist item that failed. */
  action?: string;
  /** Roles whose approval the step waits for. */
  roles?: string[];
  error?: ErrorRecord;
  /** Why a rollback started, or how the run ended. */
  reason?: string;
  rollbackTrigger?: string;
  status?: EndStatus;
}

export interface MessageOptions {
  report?: ReportRef;
  context?: TriggerContext;
  /** When the notification is made (ISO); the run's own times are used otherwise. */
  at?: string;
}

export interface NotificationMessage {
  trigger: NotifyTrigger;
  title: string;
  /** One or two plain sentences; each kind escapes it for its own markup. */
  text: string;
  facts: Fact[];
  severity: Severity;
  run: RunBrief;
  report?: { path?: string; url?: string };
  /** Markdown to attach (e-mail only). */
  reportMarkdown?: string;
}
