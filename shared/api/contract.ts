import { z } from 'zod';
import { AppInfo } from './schemas/app-info';
import { Empty } from './schemas/common';
import { DemoOpened, DemoProgressPush, DemoResetResult, DemoStatus } from './schemas/demo';
import {
  ConnectionTest,
  EnvironmentRef,
  EnvironmentStatus,
  EnvironmentsFileText,
  SaveEnvironmentsRequest,
  SaveEnvironmentsResult,
} from './schemas/environments';
import {
  FollowInfo,
  FollowRef,
  FollowRequest,
  KeepaliveRequest,
  KeepaliveResult,
  LogEndedPush,
  LogLinesPush,
  LogTargets,
} from './schemas/log-sources';
import { MonitoringRequest, RunMonitoring } from './schemas/monitoring';
import { NotificationsPreview, NotificationsPreviewRequest } from './schemas/notifications';
import { PlanRequest, PlanResponse } from './schemas/plan';
import { EnvironmentSummary, ProjectRef, ProjectSummary, RunbookSummary } from './schemas/project';
import { LessonsRequest, ReportRequest, RunReport } from './schemas/report';
import { ReviewOutline, ReviewRef, ReviewTicks, SaveReviewRequest } from './schemas/review';
import { RunDetail, RunEventPush, RunRef, RunSummary } from './schemas/run';
import {
  AnswerRequest,
  CloseRunRequest,
  JournalVerdict,
  LiveRun,
  LogEntry,
  LogsRequest,
  QuestionPush,
  RollbackNowRequest,
  RunControl,
  RunOutputPush,
  StartedRun,
  StartRunRequest,
} from './schemas/run-control';
import { PreviewRequest, ProjectVersions, RunPreview, VersionsRequest } from './schemas/runs-ui';
import { DeleteSecretRequest, SecretList, SetSecretRequest } from './schemas/secrets';
import { Settings, SettingsPatch } from './schemas/settings';

// THE API. One table of request methods and one of pushed events; everything else (Electron IPC
// handlers, the preload bridge, the WebSocket server and client, the renderer's typed client) is
// generated from these two tables. Adding a method is one entry here plus its engine handler,
// which the compiler then demands. Keys are `<area>:<verb>`; the IPC channel is `rp:<key>`.
//
// This file imports only zod and shared schemas: the sandboxed preload bundles it (see
// electron.vite.config.ts), so it must never reach for node, electron or the DOM.

function method<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response, takesNothing: false as const };
}

/** A method whose request is empty: the client lets callers leave the argument out. */
function query<Res extends z.ZodType>(response: Res) {
  return { request: Empty, response, takesNothing: true as const };
}

export const methods = {
  'app:info': query(AppInfo),
  'settings:get': query(Settings),
  'settings:update': method(SettingsPatch, Settings),
  'projects:open': method(
    z.object({ path: z.string().trim().min(1, 'give the folder of a project') }).strict(),
    ProjectSummary,
  ),
  'projects:list': query(z.array(ProjectSummary)),
  'projects:close': method(ProjectRef, z.array(ProjectSummary)),
  /** The start dialog's version choices: the project repository's tags and recent commits. */
  'projects:versions': method(VersionsRequest, ProjectVersions),
  'runbooks:list': method(ProjectRef, z.array(RunbookSummary)),
  'environments:list': method(ProjectRef, z.array(EnvironmentSummary)),
  /** Per environment: live version, deploy-lock holder, last and open runs; each environment time-boxed. */
  'environments:status': method(ProjectRef, z.array(EnvironmentStatus)),
  'environments:read': method(ProjectRef, EnvironmentsFileText),
  /** Saves environments.yml atomically (backup in .bak) only if it validates; else answers the problems. */
  'environments:save': method(SaveEnvironmentsRequest, SaveEnvironmentsResult),
  /** SSH reachability and host key per host, the Docker engine, and the proxy's config test. */
  'environments:test': method(EnvironmentRef, ConnectionTest),
  'plans:get': method(PlanRequest, PlanResponse),
  'runs:list': query(z.array(RunSummary)),
  'runs:get': method(RunRef, RunDetail),
  /** The dry run of a run about to start: every step, action plan and deploy stage per host. */
  'runs:preview': method(PreviewRequest, RunPreview),
  'runs:start': method(StartRunRequest, StartedRun),
  'runs:live': method(RunControl, LiveRun),
  'runs:answer': method(AnswerRequest, LiveRun),
  'runs:cancel': method(RunControl, LiveRun),
  /** "Roll back now" during the deploy or its watch: the rollback a firing rule starts, journaled with trigger `manual`. */
  'runs:rollback': method(RollbackNowRequest, LiveRun),
  'runs:resume': method(RunControl, StartedRun),
  'runs:close': method(CloseRunRequest, RunSummary),
  'runs:verify': method(RunRef, JournalVerdict),
  'runs:logs': method(LogsRequest, z.array(LogEntry)),
  'runs:report': method(ReportRequest, RunReport),
  /** Records lessons learned (`lessons.recorded`) in a finished run's journal; answers the new report. */
  'runs:lessons': method(LessonsRequest, RunReport),
  /** A run's probe windows, alert changes, runbook alert rules and downtime, for the monitoring charts. */
  'runs:monitoring': method(MonitoringRequest, RunMonitoring),
  'secrets:list': query(SecretList),
  'secrets:set': method(SetSecretRequest, SecretList),
  'secrets:delete': method(DeleteSecretRequest, SecretList),
  'notifications:preview': method(NotificationsPreviewRequest, NotificationsPreview),
  /** A runbook's steps and checklists from the project's files alone (offline checklist review). */
  'reviews:outline': method(ReviewRef, ReviewOutline),
  /** Items pre-ticked in the offline review, kept on this machine per project and runbook. */
  'reviews:get': method(ReviewRef, ReviewTicks),
  'reviews:save': method(SaveReviewRequest, ReviewTicks),
  /** Log sources beside a run's output: what each environment offers, follow (container, `tail -F`, journal), stop, list. */
  'logs:targets': method(ProjectRef, z.array(LogTargets)),
  'logs:follow': method(FollowRequest, FollowInfo),
  'logs:unfollow': method(FollowRef, FollowInfo),
  'logs:follows': query(z.array(FollowInfo)),
  /** A window renews the follows it shows (every minute); one nobody renews for 10 minutes is stopped. */
  'logs:keepalive': method(KeepaliveRequest, KeepaliveResult),
  /** The built-in demo: whether it exists, and whether Docker and nginx are there for it. */
  'demo:status': query(DemoStatus),
  /** Creates the demo when absent (repository, images, nginx), then opens it as a project. */
  'demo:open': query(DemoOpened),
  /** Back to the first state: containers, nginx, the demo's runs and release history removed. */
  'demo:reset': query(DemoResetResult),
} as const;

export const events = {
  'projects:changed': z.array(ProjectSummary),
  'settings:changed': Settings,
  'runs:event': RunEventPush,
  'runs:output': RunOutputPush,
  'runs:question': QuestionPush,
  /** A followed source's lines, batched: one push per source and stream at most every 50 ms. */
  'logs:line': LogLinesPush,
  /** A follow's last word: removed, idle, closed, exited or failed, with the reason naming the host. */
  'logs:ended': LogEndedPush,
  'demo:progress': DemoProgressPush,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;

export type RequestOf<M extends MethodName> = z.input<Methods[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<Methods[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Methods[M]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** IPC channel of a method: `rp:projects:open`. */
export function methodChannel(name: MethodName): string {
  return `rp:${name}`;
}

/** IPC channel of a pushed event: `rp:event:runs:event`. */
export function eventChannel(name: EventName): string {
  return `rp:event:${name}`;
}
