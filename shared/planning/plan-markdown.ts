import { formatDuration } from '../formats/duration';
import { codeSpan, escapeCell, escapeInline, fencedCode, table } from '../report/markdown';
import { canonicalJson } from './canonical-json';
import type { DeploymentPlan, PlanAction, PlanChecklistItem, PlanContent, PlanStep } from './plan-types';
import { formatInZone } from './zoned-time';

// The deployment plan as markdown for review (a pull request, a ticket, an e-mail). Everything
// taken from project files or typed by people goes through the report's escaping helpers, so a
// `|` in a step title cannot break a table.

const cell = escapeCell;
const list = (items: readonly string[]) => (items.length > 0 ? items.map(escapeInline).join(', ') : '—');

function header(plan: DeploymentPlan): string[] {
  const env = plan.environment;
  const zone = plan.window?.timezone;
  const generated = zone ? formatInZone(plan.generatedAt, zone) : plan.generatedAt;
  return [
    `# Deployment plan: ${escapeInline(plan.version)} to ${escapeInline(env.name)}`,
    '',
    table(
      ['', ''],
      [
        ['Project', cell(plan.project)],
        ['Runbook', `${cell(plan.runbook.title)} (${codeSpan(plan.runbook.id)})`],
        [
          'Environment',
          `${cell(env.name)}${env.protected ? ' (protected)' : ''}${env.description ? ` — ${cell(env.description)}` : ''}`,
        ],
        ['Version', `${codeSpan(plan.version)}${plan.commit ? ` (commit ${codeSpan(plan.commit.slice(0, 12))})` : ''}`],
        ['Live before', plan.previousVersion ? codeSpan(plan.previousVersion) : 'unknown (no earlier run recorded)'],
        [
          'Hosts',
          env.hosts.length > 0
            ? list(env.hosts.map((h) => `${h.name}${h.address ? ` (${h.address})` : ''}`))
            : 'none: everything runs on this machine',
        ],
        ['Must have passed first', list(env.requires)],
        ['Plan digest', codeSpan(`sha256:${plan.digest}`)],
        ['Generated', cell(generated)],
      ],
    ),
  ];
}

function strategySection(plan: PlanContent): string[] {
  const { strategy } = plan;
  const from = { request: 'chosen for this run', runbook: "the runbook's default", default: 'no strategy named' }[
    strategy.source
  ];
  const out = ['## Strategy', '', `**${escapeInline(strategy.name)}** (${from}). ${escapeInline(strategy.summary)}`];
  if (strategy.stages.length > 0) {
    const rows = strategy.stages.map((stage, i) => [
      String(i + 1),
      cell(stage.title),
      list(stage.hosts),
      stage.weight === undefined ? '—' : `${stage.weight} %`,
    ]);
    out.push('', table(['#', 'Stage', 'Hosts', 'Traffic'], rows));
  }
  return out;
}

function windowSection(plan: DeploymentPlan): string[] {
  const window = plan.window;
  if (!window) return ['## Deployment window', '', 'No schedule: runs may start at any time.'];
  const out = ['## Deployment window', '', `Windows: ${escapeInline(window.windows)}`];
  if (window.freezes.length > 0) {
    const rows = window.freezes.map((f) => [cell(f.from), cell(f.to), cell(f.reason)]);
    out.push('', `Freezes (${escapeInline(window.timezone)}):`, '', table(['From', 'Until', 'Reason'], rows));
  }
  const now = plan.windowNow;
  if (now?.allowed) out.push('', 'When this plan was generated, the window was **open**.');
  else if (now) {
    const next = now.nextAllowed ? formatInZone(now.nextAllowed, window.timezone) : 'none within two years';
    out.push('', `When this plan was generated, a run was **refused**: ${escapeInline(now.reason)}.`);
    out.push(`Next allowed: ${escapeInline(next)}.`);
  }
  const roles = window.overrideRoles.length > 0 ? list(window.overrideRoles) : 'no role (the runbook names none)';
  out.push('', `Outside the window a run needs an override with a written reason by: ${roles}.`);
  return out;
}

// What each action is given (argv, status, duration…), as the digest covers it: a reviewer reads
// what will run, not only its title.
const given = (settings: Record<string, unknown> | undefined) =>
  settings && Object.keys(settings).length > 0 ? codeSpan(canonicalJson(settings)) : '—';

const actionHeaders = ['Action', 'What', 'Type', 'Where', 'Given'];

function actionRows(actions: PlanAction[]): string[][] {
  return actions.map((a) => [codeSpan(a.key), cell(a.title), codeSpan(a.type), list(a.where), given(a.settings)]);
}

function checklistLine(item: PlanChecklistItem): string {
  const tags = [
    item.gate ? `gate ${item.gate}` : '',
    item.before ? 'before the actions' : '',
    item.automatic ? 'checked automatically' : '',
  ]
    .filter(Boolean)
    .join(', ');
  const check = item.check ? `: ${codeSpan(canonicalJson(item.check))}` : '';
  return `- [ ] ${escapeInline(item.text)}${tags ? ` _(${tags})_` : ''}${check}`;
}

function stepSection(step: PlanStep, index: number): string[] {
  const out = [`### ${index + 1}. ${escapeInline(step.title)} (${codeSpan(step.id)})`, ''];
  out.push(`Lead: ${cell(step.ownerTitle)} (${codeSpan(step.owner)}). On failure: ${step.onFailure}.`);
  if (step.notApplicable) return [...out, '', `Skipped in this run: ${escapeInline(step.notApplicable)}.`];
  if (step.approvals.length > 0)
    out.push(`Sign-off before it starts: ${list(step.approvals.map((a) => `${a.title} (${a.role})`))}.`);
  if (step.actions.length > 0) out.push('', table(actionHeaders, actionRows(step.actions)));
  if (step.checklist.length > 0) out.push('', ...step.checklist.map(checklistLine));
  return out;
}

function peopleAndHosts(plan: PlanContent): string[] {
  const hostRows = plan.hosts.map((h) => [cell(h.host), h.actions.map((a) => codeSpan(a.key)).join(', ')]);
  const roleRows = plan.stakeholders.map((s) => [
    cell(s.title),
    codeSpan(s.role),
    list(s.leads),
    list(s.approves),
    [
      s.environmentApproval ? `approves every run on ${plan.environment.name}` : '',
      s.mayOverrideWindow ? 'may override the window' : '',
    ]
      .filter(Boolean)
      .map(escapeInline)
      .join('; ') || '—',
  ]);
  return [
    '## By host',
    '',
    hostRows.length > 0 ? table(['Where', 'Actions, in order'], hostRows) : 'No actions.',
    '',
    '## Stakeholders',
    '',
    table(['Role', 'Id', 'Leads', 'Signs off', 'Also'], roleRows),
  ];
}

function rollbackSection(plan: PlanContent): string[] {
  const { rollback } = plan;
  const target = rollback.previousVersion
    ? `back to ${codeSpan(rollback.previousVersion)}`
    : 'to the version live before (not known yet: no earlier run recorded here)';
  const out = ['## Rollback plan', '', `Rolls ${plan.environment.name} ${target}. Triggered when:`, ''];
  for (const trigger of rollback.triggers) out.push(`- ${escapeInline(trigger)}`);
  out.push('');
  out.push(
    rollback.actions.length > 0
      ? table(actionHeaders, actionRows(rollback.actions))
      : 'The runbook lists no rollback actions.',
  );
  if (rollback.checklistItems) {
    if (rollback.checklistItems.length > 0) out.push('', ...rollback.checklistItems.map(checklistLine));
  } else if (rollback.checklist.length > 0)
    out.push('', ...rollback.checklist.map((item) => `- [ ] ${escapeInline(item)}`));
  return out;
}

function monitoringSection(plan: PlanContent): string[] {
  const m = plan.monitoring;
  const probes = m.probes.url
    ? `Synthetic probes: ${codeSpan(m.probes.url)} at ${m.probes.ratePerSecond}/s, ${formatDuration(m.probes.windowMs)} sliding window, ${formatDuration(m.probes.baselineMs)} baseline before the cutover.`
    : 'Synthetic probes: no URL (set monitoring.probes.url or urls.health), so nothing is probed.';
  const out = ['## Monitoring', '', `- ${probes}`];
  if (m.prometheus) {
    const every = formatDuration(m.prometheus.intervalMs);
    out.push(`- Prometheus ${codeSpan(m.prometheus.url)} every ${every}: ${list(m.prometheus.metrics)}.`);
  }
  out.push(`- Watch window after the deployment: ${formatDuration(m.watchMs)}.`);
  if (m.alerts.length === 0) return [...out, '', 'The runbook defines no alert rules.'];
  const rows = m.alerts.map((a) => [
    cell(a.name),
    codeSpan(a.condition),
    a.forMs ? formatDuration(a.forMs) : '—',
    a.severity,
    a.action,
  ]);
  return [...out, '', table(['Alert', 'Condition', 'For', 'Severity', 'Then'], rows)];
}

function settingsSection(plan: PlanContent): string[] {
  const settings = plan.environment.settings;
  if (!settings) return [];
  const variables = plan.runbook.variables ?? {};
  const runbookVariables =
    Object.keys(variables).length > 0 ? ['', `The runbook's variables: ${codeSpan(canonicalJson(variables))}.`] : [];
  return [
    `## Settings of ${escapeInline(plan.environment.name)} the run uses`,
    '',
    'Hosts, app, Docker, URLs, variables, proxy, deploy settings and monitoring thresholds (the digest covers them):',
    '',
    fencedCode(JSON.stringify(settings, null, 2).split('\n'), 'json'),
    ...runbookVariables,
  ];
}

export function renderPlanMarkdown(plan: DeploymentPlan): string {
  const sections = [
    header(plan),
    strategySection(plan),
    windowSection(plan),
    ['## Steps', ...plan.steps.flatMap((step, i) => ['', ...stepSection(step, i)])],
    peopleAndHosts(plan),
    rollbackSection(plan),
    monitoringSection(plan),
    settingsSection(plan),
  ];
  if (plan.exitCriteria.length > 0)
    sections.push(['## Exit criteria', '', ...plan.exitCriteria.map((text) => `- [ ] ${escapeInline(text)}`)]);
  if (plan.problems.length > 0)
    sections.push(['## Problems to fix before the run', '', ...plan.problems.map((p) => `- ${escapeInline(p)}`)]);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
