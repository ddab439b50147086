import type { PreviewAction, PreviewStep, RunPreview } from '../../../../../shared/api/schemas/runs-ui';
import { describePlan } from '../../../../../shared/plans/describe-plan';
import { StatusBadge } from '../../../ui/status-badge';
import { CircleX, Play, ShieldCheck, Square, UserCheck } from '../run-icons';
import { PreviewGuards } from './preview-guards';
import { previewProblems } from './preview-problems';
import './plan-preview.css';

// The plan of the run about to start, step by step: what it waits for, every action as it will
// run (commands quoted, hosts named), a deploy's stages per host, and what would stop it, in red.

function ActionLine({ action }: { action: PreviewAction }) {
  const broken = action.problem !== undefined && !action.stages;
  return (
    <li className={`preview-line preview-action${broken ? ' preview-broken' : ''}`}>
      {broken ? (
        <CircleX size={14} role="img" aria-label="Cannot be planned" className="preview-line-icon" />
      ) : (
        <Play size={14} aria-hidden className="preview-line-icon" />
      )}
      <div className="preview-line-text">
        <span className="preview-action-title">{action.title}</span>
        {broken ? (
          <span className="preview-problem">
            <code>{action.key}</code> cannot be planned: {action.problem}
          </span>
        ) : action.plan ? (
          <code className="preview-plan">{describePlan(action.plan)}</code>
        ) : null}
        {action.stages?.length ? (
          <ol className="preview-stages" aria-label={`${action.title}: stages per host`}>
            {action.stages.map((stage) => (
              <li key={stage.id}>
                <span>{stage.title}</span>
                {stage.hosts.length ? <span className="preview-hosts">{stage.hosts.join(', ')}</span> : null}
                {stage.weight !== undefined ? <span className="preview-weight">{stage.weight}%</span> : null}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </li>
  );
}

function ItemLine({ item }: { item: PreviewStep['items'][number] }) {
  return (
    <li className={`preview-line preview-item${item.problem ? ' preview-broken' : ''}`}>
      <Square size={14} aria-hidden className="preview-line-icon" />
      <div className="preview-line-text">
        <span>
          {item.text}
          {item.gate ? <span className="preview-gate">Gate {item.gate}</span> : null}
          {item.check ? <span className="preview-auto"> · checked automatically ({item.check})</span> : null}
        </span>
        {item.problem ? <span className="preview-problem">Check cannot be planned: {item.problem}</span> : null}
      </div>
    </li>
  );
}

function StepBlock({ step, index, roles }: { step: PreviewStep; index: number; roles: Record<string, string> }) {
  const before = step.items.filter((item) => item.before);
  const after = step.items.filter((item) => !item.before);
  return (
    <li className={`preview-step${step.skipped ? ' preview-step-skipped' : ''}`}>
      <div className="preview-step-head">
        <span className="preview-step-number" aria-hidden>
          {index + 1}
        </span>
        <span className="preview-step-title">{step.title}</span>
        <span className="preview-owner">{roles[step.owner] ?? step.owner}</span>
      </div>
      {step.skipped ? (
        <p className="preview-skip">Skipped: {step.skipped}</p>
      ) : (
        <ul className="preview-lines">
          {step.approvals.map((role) => (
            <li key={role} className="preview-line preview-approval">
              <UserCheck size={14} aria-hidden className="preview-line-icon" />
              <span className="preview-line-text">Approval by {roles[role] ?? role}</span>
            </li>
          ))}
          {before.map((item) => (
            <ItemLine key={item.key} item={item} />
          ))}
          {step.actions.map((action) => (
            <ActionLine key={action.key} action={action} />
          ))}
          {after.map((item) => (
            <ItemLine key={item.key} item={item} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function PlanPreview({ preview }: { preview: RunPreview }) {
  const problems = previewProblems(preview);
  const blocking = problems.filter((p) => p.blocking);
  const strategy = preview.strategy
    ? `${preview.strategy}${preview.strategy === preview.defaultStrategy ? ' (runbook default)' : ''}`
    : 'none (the runbook deploys no app)';
  return (
    <div className="preview">
      <dl className="preview-summary">
        <div>
          <dt>Runbook</dt>
          <dd>{preview.runbookTitle}</dd>
        </div>
        <div>
          <dt>Environment</dt>
          <dd>
            {preview.environment}{' '}
            {preview.protected ? (
              <StatusBadge tone="warning" icon={<ShieldCheck size={12} aria-hidden />}>
                Protected
              </StatusBadge>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd className="mono">
            {preview.version}
            {preview.commit ? (
              <span className="preview-commit"> = {preview.commit.slice(0, 12)}</span>
            ) : (
              <span className="preview-warn"> — not a commit of this repository</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Live now</dt>
          <dd className="mono">
            {preview.previousVersion ?? <span className="muted">unknown (first deployment?)</span>}
          </dd>
        </div>
        <div>
          <dt>Strategy</dt>
          <dd>{strategy}</dd>
        </div>
        <div>
          <dt>Hosts</dt>
          <dd>{preview.hosts.length ? preview.hosts.join(', ') : 'this machine'}</dd>
        </div>
      </dl>
      <PreviewGuards guards={preview.guards} />
      {problems.length ? (
        <div className={`preview-problems${blocking.length ? '' : ' preview-problems-warning'}`} role="alert">
          <p className="preview-problems-title">
            {blocking.length
              ? `${blocking.length} problem${blocking.length === 1 ? '' : 's'} would stop this run: fix ${blocking.length === 1 ? 'it' : 'them'} first`
              : 'Warnings'}
          </p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.where}:${problem.message}`}>
                <code>{problem.where}</code> — {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ol className="preview-steps" aria-label="Steps of the run">
        {preview.steps.map((step, index) => (
          <StepBlock key={step.id} step={step} index={index} roles={preview.roles} />
        ))}
      </ol>
      {preview.rollback.length ? (
        <details className="preview-rollback">
          <summary>Rollback, only if the run rolls back ({preview.rollback.length} actions)</summary>
          <ul className="preview-lines">
            {preview.rollback.map((action) => (
              <ActionLine key={action.key} action={action} />
            ))}
          </ul>
        </details>
      ) : null}
      <p className="preview-footnote">
        Nothing has run yet. The deploy lock is taken at <code>{preview.lock}</code> when the run starts.
      </p>
    </div>
  );
}
