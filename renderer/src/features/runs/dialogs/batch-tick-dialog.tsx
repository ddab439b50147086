import { useState } from 'react';
import { useSessionDraft } from '../../../lib/use-session-draft';
import { Button } from '../../../ui/button';
import { Loader } from '../../../ui/icons';
import { useSettings } from '../../settings/settings-store';
import type { SignOffBatch } from '../live/sign-off-batch';
import { CircleX, ListChecks, Square, SquareCheck } from '../run-icons';
import { Dialog } from './dialog';
import { readSigner, SignerFields } from './signer-fields';
import { type Fields, isFields } from './use-answer';
import { type ItemOutcome, useBatchSignOff } from './use-batch-sign-off';
import './batch-tick-dialog.css';

// "Sign off all (N)": one dialog for a whole checklist, the same fields as signing one item. The
// items are listed with how each went, and the footer counts "3 of 8" while it works.

function ItemIcon({ outcome, current }: { outcome?: ItemOutcome; current: boolean }) {
  if (current) return <Loader size={14} aria-hidden className="batch-item-icon batch-item-busy" />;
  if (outcome === 'signed') return <SquareCheck size={14} aria-hidden className="batch-item-icon batch-item-signed" />;
  if (outcome === 'failed') return <CircleX size={14} aria-hidden className="batch-item-icon batch-item-failed" />;
  return <Square size={14} aria-hidden className="batch-item-icon" />;
}

const outcomeLabel = { signed: 'signed', failed: 'failed' } as const;

export function BatchTickDialog({
  runId,
  batch: shown,
  stepTitle,
  onClose,
}: {
  runId: string;
  batch: SignOffBatch;
  stepTitle: string;
  onClose(): void;
}) {
  // The items as they were when the dialog opened: the list must not shrink under the person.
  const [batch] = useState(shown);
  const settings = useSettings((state) => state.settings);
  const draftName = `run-batch.${runId}.${batch.checklist}`;
  const { draft, update, discard } = useSessionDraft<Fields>(draftName, isFields);
  const fields: Fields = { by: settings?.operatorName ?? '', role: settings?.operatorRole ?? '', note: '', ...draft };
  const [invalid, setInvalid] = useState<string>();
  const run = useBatchSignOff(runId, batch);
  const set = (name: string, value: string) => {
    update({ ...fields, [name]: value });
    setInvalid(undefined);
  };

  const submit = async () => {
    if (run.running) return;
    const signer = readSigner(fields);
    if (typeof signer === 'string') {
      setInvalid(signer);
      return;
    }
    if (await run.start(signer)) {
      discard();
      onClose();
    }
  };

  const error = invalid ?? run.error;
  const count = batch.items.length;
  return (
    <Dialog
      size="lg"
      title={`Sign off all (${count})`}
      description={`${batch.checklist} · ${stepTitle}`}
      onClose={onClose}
      onSubmit={() => void submit()}
      status={
        error ? (
          <span className="dialog-error" role="alert">
            {error}
          </span>
        ) : (
          <span role="status">{run.running || run.done ? `${run.done} of ${run.total} signed` : ''}</span>
        )
      }
      footer={
        <>
          <Button onClick={onClose}>{run.running ? 'Stop' : 'Not yet'}</Button>
          <Button type="submit" variant="primary" icon={ListChecks} busy={run.running}>
            {run.done > 0 && !run.running ? `Sign off the other ${count - run.done}` : `Sign off ${count} items`}
          </Button>
        </>
      }
    >
      <p className="batch-intro">
        Each item is signed off on its own, one after another, with the same name, role and note: the journal and the
        report show every item’s signer.
      </p>
      <ul className="batch-items" aria-label={`Items of ${batch.checklist}`}>
        {batch.items.map((item) => {
          const outcome = run.outcomes[item.key];
          const current = run.current === item.key;
          return (
            <li key={item.key} className={`batch-item${outcome ? ` batch-item-${outcome}` : ''}`}>
              <ItemIcon outcome={outcome} current={current} />
              <span>{item.text}</span>
              {outcome ? <span className="visually-hidden"> ({outcomeLabel[outcome]})</span> : null}
            </li>
          );
        })}
      </ul>
      <SignerFields
        fields={fields}
        set={set}
        disabled={run.running}
        noteHint="Optional: kept with each item in the journal and the report."
      />
    </Dialog>
  );
}
