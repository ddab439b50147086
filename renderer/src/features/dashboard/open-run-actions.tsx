import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import type { EnvironmentStatus } from '../../../../shared/api/schemas/environments';
import { api } from '../../api/client';
import { navigate } from '../../app/navigation';
import { hrefFor } from '../../app/routes';
import { isString } from '../../lib/drafts';
import { errorMessage } from '../../lib/error-message';
import { formatDateTime } from '../../lib/format-time';
import { useSessionDraft } from '../../lib/use-session-draft';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { TextInput } from '../../ui/input';
import { Play } from './dashboard-icons';
import { timeAgo } from './status-text';

type OpenRun = NonNullable<EnvironmentStatus['openRun']>;

/**
 * A run with no end recorded and no process driving it: the app or the machine stopped mid-run.
 * Offered for resume (from the step that was running, after re-checking it) or for closing as
 * failed with a reason, which the journal records.
 */
export function OpenRunActions({
  environment,
  run,
  onClosed,
}: {
  environment: string;
  run: OpenRun;
  onClosed: () => void;
}) {
  // A reason half-typed survives a failed close and a reload, like everything else typed here.
  const {
    draft: reasonDraft,
    update: setReason,
    discard: forgetReason,
  } = useSessionDraft(`close-run.${run.runId}`, isString);
  const reason = reasonDraft ?? '';
  const [mode, setMode] = useState<'offer' | 'closing'>(reasonDraft ? 'closing' : 'offer');
  const [busy, setBusy] = useState<'resume' | 'close'>();
  const [error, setError] = useState<string>();
  const reasonId = useId();
  const reasonField = useRef<HTMLInputElement>(null);
  const closeButtonId = useId();

  const resume = async () => {
    setBusy('resume');
    setError(undefined);
    try {
      const { runId } = await api.runs.resume({ runId: run.runId });
      navigate('runs', runId);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(undefined);
    }
  };

  const close = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Say why the run is closed: the journal and the report record it.');
      reasonField.current?.focus();
      return;
    }
    setBusy('close');
    setError(undefined);
    try {
      await api.runs.close({ runId: run.runId, reason: reason.trim() });
      forgetReason();
      onClosed();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(undefined);
    }
  };

  const cancelClosing = () => {
    forgetReason();
    setMode('offer');
    setError(undefined);
    queueMicrotask(() => document.getElementById(closeButtonId)?.focus());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') cancelClosing();
  };

  const started = run.startedAt ? ` ${timeAgo(run.startedAt)}` : '';
  return (
    <Banner
      tone="warning"
      role="status"
      title={
        <>
          Run <a href={hrefFor('runs', run.runId)}>{run.runId}</a> of {run.version} on {environment}{' '}
          {run.interrupted ? 'was interrupted — resume or close it' : 'was left open'}
        </>
      }
      actions={
        mode === 'offer' ? (
          <>
            <Button size="sm" variant="primary" icon={Play} busy={busy === 'resume'} onClick={() => void resume()}>
              Resume
            </Button>
            <Button
              size="sm"
              id={closeButtonId}
              onClick={() => {
                setMode('closing');
                queueMicrotask(() => reasonField.current?.focus());
              }}
            >
              Close as failed…
            </Button>
          </>
        ) : null
      }
    >
      <p title={formatDateTime(run.startedAt)}>
        Started{started}
        {run.operator ? ` by ${run.operator}` : ''};{' '}
        {run.interrupted
          ? `stopped at a safe point: ${run.interrupted.reason} (by ${run.interrupted.by}, ${formatDateTime(run.interrupted.at)}). Nothing drives it now.`
          : 'no end was recorded and nothing is driving it (the app or the machine stopped).'}{' '}
        Resume continues from the step that was running, after checking it again.
      </p>
      {mode === 'closing' ? (
        <form className="open-run-close" onSubmit={close} onKeyDown={onKeyDown} noValidate>
          <label htmlFor={reasonId}>Why close it?</label>
          <TextInput
            id={reasonId}
            ref={reasonField}
            value={reason}
            placeholder="e.g. laptop crashed; redeploying from scratch"
            aria-invalid={error ? true : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          <Button type="submit" size="sm" variant="danger" busy={busy === 'close'}>
            Close run
          </Button>
          <Button size="sm" variant="ghost" onClick={cancelClosing}>
            Cancel
          </Button>
        </form>
      ) : null}
      {error ? (
        <p className="open-run-error" role="alert">
          {error}
        </p>
      ) : null}
    </Banner>
  );
}
