import { useState } from 'react';
import { api } from '../../../api/client';
import { navigate } from '../../../app/navigation';
import { errorMessage } from '../../../lib/error-message';
import { Button } from '../../../ui/button';
import { RotateCcw } from '../run-icons';
import { CloseRunDialog } from './close-run-dialog';

// Resume or close a run left open: resume picks it up where it was (after re-checking that step),
// close ends it as failed with a written reason. Both go in its journal with your name.

export function InterruptedActions({ runId, onDone }: { runId: string; onDone?: () => void }) {
  const [resuming, setResuming] = useState(false);
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<string>();

  const resume = async () => {
    setResuming(true);
    setError(undefined);
    try {
      const { runId: resumed } = await api.runs.resume({ runId });
      onDone?.();
      navigate('runs', resumed);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setResuming(false);
    }
  };

  return (
    <div className="interrupted-actions">
      <Button size="sm" variant="primary" icon={RotateCcw} busy={resuming} onClick={() => void resume()}>
        Resume
      </Button>
      <Button size="sm" onClick={() => setClosing(true)}>
        Close…
      </Button>
      {error ? (
        <span className="interrupted-error" role="alert">
          {error}
        </span>
      ) : null}
      {closing ? (
        <CloseRunDialog
          runId={runId}
          onClose={() => setClosing(false)}
          onClosed={() => {
            setClosing(false);
            onDone?.();
          }}
        />
      ) : null}
    </div>
  );
}
