import { type FormEvent, useRef, useState } from 'react';
import { isString } from '../../lib/drafts';
import { errorMessage } from '../../lib/error-message';
import { useSessionDraft } from '../../lib/use-session-draft';
import { Button } from '../../ui/button';
import { FormField } from '../../ui/form-field';
import { FolderOpen } from '../../ui/icons';
import { TextInput } from '../../ui/input';
import { useProjects } from '../projects/projects-store';

/**
 * A path field, not a folder picker: the browser host cannot open the OS dialog. The typed path
 * is a session draft until a project opens from it, so a failure or a reload never loses it.
 */
export function OpenProjectForm() {
  const open = useProjects((state) => state.open);
  const { draft, update, discard } = useSessionDraft('project-path', isString);
  const path = draft ?? '';
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOpened('');
    if (!path.trim()) {
      setError("Enter the full path of the project's folder.");
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const project = await open(path.trim());
      discard();
      setError(undefined);
      setOpened(`Opened ${project.name}.`);
    } catch (failure) {
      setError(errorMessage(failure));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="open-project" onSubmit={submit} noValidate>
      <FormField
        label="Project folder"
        hint={
          <>
            The full path of the repository, e.g. <code>/home/you/src/shop-api</code>.
          </>
        }
        error={error}
        trailing={
          <Button type="submit" variant="primary" icon={FolderOpen} busy={busy}>
            Open project
          </Button>
        }
      >
        {(control) => (
          <TextInput
            {...control}
            ref={input}
            className="mono"
            value={path}
            placeholder="/path/to/repository"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              update(event.target.value);
              setError(undefined);
            }}
          />
        )}
      </FormField>
      <p className="open-project-status" role="status">
        {opened}
      </p>
    </form>
  );
}
