import type { Settings } from '../../../../shared/api/schemas/settings';
import { hrefFor } from '../../app/routes';
import { signerLabel } from './demo-operator';

/** Once Settings hold a name: who the demo's sign-offs will name, and where to change it. */
export function DemoSignerLine({ settings }: { settings: Settings }) {
  return (
    <p className="demo-signer">
      You sign as <strong>{signerLabel(settings)}</strong> · <a href={hrefFor('settings')}>change in Settings</a>
    </p>
  );
}
