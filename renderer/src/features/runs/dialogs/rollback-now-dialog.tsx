import { useState } from 'react';
import { api } from '../../../api/client';
import { errorMessage } from '../../../lib/error-message';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { TextInput } from '../../../ui/input';
import { RotateCcw } from '../run-icons';
import { Dialog } from './dialog';

/**
 * "Roll back now", with the reason kept in the journal: the running action or the watch is
 * stopped and the rollback a firing rule would start runs (trigger `manual`, issue #14 item 4).
 */
export function RollbackNowDialog({ runId, onClose }: { runId: string; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const rollBack = async () => {
    if (!reason.trim()) {
      setError('Say why the run is rolled back: it is kept in the journal and the report.');
      return;
    }
    setBusy(true);
    try {
      await api.runs.rollback({ runId, reason: reason.trim() });
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      size="sm"
      tone="danger"
      title="Roll back now?"
      description="The running action or the watch is stopped, and the rollback runs as if a rollback rule had fired: the previous version comes back."
      onClose={onClose}
      onSubmit={() => void rollBack()}
      footer={
        <>
          <Button onClick={onClose}>Keep running</Button>
          <Button type="submit" variant="danger" icon={RotateCcw} busy={busy}>
            Roll back now
          </Button>
        </>
      }
    >
      <FormField label="Reason" error={error} hint="Kept in the journal and the report.">
        {(control) => (
          <TextInput
            {...control}
            data-autofocus
            value={reason}
            maxLength={2000}
            onChange={(e) => {
              setReason(e.target.value);
              setError(undefined);
            }}
          />
        )}
      </FormField>
    </Dialog>
  );
}
