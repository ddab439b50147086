import { useState } from 'react';
import { api } from '../../../api/client';
import { isString } from '../../../lib/drafts';
import { errorMessage } from '../../../lib/error-message';
import { useSessionDraft } from '../../../lib/use-session-draft';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { TextInput } from '../../../ui/input';
import { Dialog } from '../dialogs/dialog';

/** Closes a run left open as failed; the reason (required) is journaled with your name. */
export function CloseRunDialog({ runId, onClose, onClosed }: { runId: string; onClose(): void; onClosed(): void }) {
  const { draft, update, discard } = useSessionDraft(`run-close.${runId}`, isString);
  const reason = draft ?? '';
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!reason.trim()) {
      setError('Say why the run is closed: it goes in the journal and the report.');
      return;
    }
    setBusy(true);
    try {
      await api.runs.close({ runId, reason: reason.trim() });
      discard();
      onClosed();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Close this run as failed?"
      description={`Run ${runId} has no end recorded. Closing it ends it as failed; nothing runs on the hosts.`}
      tone="warning"
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>Keep it open</Button>
          <Button type="submit" variant="danger" busy={busy}>
            Close run
          </Button>
        </>
      }
    >
      <FormField label="Reason" error={error} hint="E.g. “laptop crashed mid-deploy; redeploying from scratch”.">
        {(control) => (
          <TextInput
            {...control}
            value={reason}
            maxLength={2000}
            onChange={(event) => {
              update(event.target.value);
              setError(undefined);
            }}
          />
        )}
      </FormField>
    </Dialog>
  );
}
