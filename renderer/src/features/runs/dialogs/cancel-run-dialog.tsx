import { useState } from 'react';
import { api } from '../../../api/client';
import { errorMessage } from '../../../lib/error-message';
import { Button } from '../../../ui/button';
import { Dialog } from './dialog';

/** Cancel asks first: the current action is stopped and the run ends as aborted. */
export function CancelRunDialog({ runId, onClose }: { runId: string; onClose(): void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const cancel = async () => {
    setBusy(true);
    try {
      await api.runs.cancel({ runId });
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
      title="Cancel this run?"
      description="The running action is stopped on every host, the deploy lock is released, and the run ends as aborted. Nothing is rolled back."
      onClose={onClose}
      onSubmit={() => void cancel()}
      status={error ? <span className="dialog-error">{error}</span> : undefined}
      footer={
        <>
          <Button onClick={onClose} data-autofocus>
            Keep running
          </Button>
          <Button type="submit" variant="danger" busy={busy}>
            Cancel run
          </Button>
        </>
      }
    >
      <p>
        To undo what already ran, choose <strong>Roll back now…</strong> instead: it restores the previous version the
        way a firing rollback rule does.
      </p>
    </Dialog>
  );
}
