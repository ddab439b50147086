import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';
import { Dialog } from '../runs/dialogs/dialog';
import { RotateCcw } from './demo-icons';
import { useDemo } from './demo-store';

/** Reset asks first (Escape or "Keep it" cancels): it deletes the demo's runs and containers. */
export function DemoResetDialog({ onClose }: { onClose(): void }) {
  const busy = useDemo((state) => state.busy === 'reset');
  const error = useDemo((state) => state.actionError);
  const message = useDemo((state) => (state.busy === 'reset' ? state.progress?.message : undefined));
  const reset = async () => {
    if (await useDemo.getState().reset()) onClose();
  };
  return (
    <Dialog
      size="sm"
      tone="warning"
      title="Reset the demo project?"
      description="Back to its first state, as if it had never been run."
      onClose={() => {
        if (!busy) onClose();
      }}
      onSubmit={() => void reset()}
      status={
        error && !busy ? (
          <span className="dialog-error" role="alert">
            {error}
          </span>
        ) : undefined
      }
      footer={
        <>
          <Button onClick={onClose} disabled={busy} data-autofocus>
            Keep it
          </Button>
          <Button type="submit" variant="danger" icon={RotateCcw} busy={busy}>
            Reset demo
          </Button>
        </>
      }
    >
      <p>
        This stops and removes the demo’s containers and its nginx, deletes the demo’s runs and release history, and
        creates its repository afresh: nothing deployed, ready for v1.1.0 on staging. Your other projects are not
        touched.
      </p>
      {busy ? (
        <div className="demo-reset-progress">
          <Loading label={message ?? 'Resetting the demo…'} />
        </div>
      ) : null}
    </Dialog>
  );
}
