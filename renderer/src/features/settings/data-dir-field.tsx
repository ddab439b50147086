import { useAppInfo } from '../../app/app-info-store';
import { FormField } from '../../ui/form-field';
import { TextInput } from '../../ui/input';

/** Read-only: the host chooses the data directory at start-up (`--data-dir`), not this form. */
export function DataDirField() {
  const dataDir = useAppInfo((state) => state.info?.dataDir ?? '');
  const host = useAppInfo((state) => state.info?.host);
  return (
    <FormField
      label="Data directory"
      hint={
        host === 'browser' ? (
          <>
            Runs, their journals and logs, and these settings live here. Choose another with{' '}
            <code>release-pilot web --data-dir</code>.
          </>
        ) : (
          'Runs, their journals and logs, and these settings live here.'
        )
      }
    >
      {(control) => <TextInput {...control} className="mono" value={dataDir} readOnly />}
    </FormField>
  );
}
