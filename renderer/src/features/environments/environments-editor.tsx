import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Problem } from '../../../../shared/api/schemas/common';
import type { ProjectSummary } from '../../../../shared/api/schemas/project';
import { api } from '../../api/client';
import { errorCode, errorMessage } from '../../lib/error-message';
import { countLabel } from '../../lib/format-problem';
import { useSessionDraft } from '../../lib/use-session-draft';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { Save } from '../../ui/icons';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { CodeEditor, type CodeEditorHandle } from './code-editor';
import { EditorProblems } from './editor-problems';
import { isEditorDraft } from './editor-text';
import { useEnvironmentFile } from './environment-file-store';
import { RotateCcw } from './environment-icons';
import './environments-editor.css';

type Outcome =
  | { kind: 'saved'; backup?: string; at: Date; problems: Problem[] }
  | { kind: 'refused'; problems: Problem[] }
  | { kind: 'conflict' | 'failed'; message: string };

/**
 * environments.yml as text. Every keystroke is a session draft (a reload or a crash loses
 * nothing); Save sends it to the engine, which writes the file only if it validates and keeps the
 * previous one as environments.yml.bak. Problems come back at line:column and are one click away.
 */
export function EnvironmentsEditor({ project }: { project: ProjectSummary }) {
  const entry = useEnvironmentFile((state) => state.byProject[project.id]);
  const load = useEnvironmentFile((state) => state.load);
  const { draft, update, discard } = useSessionDraft(`environments-file.${project.id}`, isEditorDraft);
  const [outcome, setOutcome] = useState<Outcome>();
  const [saving, setSaving] = useState(false);
  const editor = useRef<CodeEditorHandle>(null);
  const editorId = useId();
  const statusId = useId();
  const file = entry?.file;

  const text = draft?.text ?? file?.text ?? '';
  const dirty = draft !== undefined && file !== undefined && draft.text !== file.text;
  const stale = draft !== undefined && file !== undefined && draft.baseDigest !== file.digest && dirty;
  const problems = outcome?.kind === 'saved' || outcome?.kind === 'refused' ? outcome.problems : (file?.problems ?? []);
  // Ctrl/Cmd+S saves from anywhere on this screen (and never opens the browser's "save page").
  const saveRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const errorLines = useMemo(
    () => new Set(problems.filter((p) => p.severity === 'error' && p.line).map((p) => p.line!)),
    [problems],
  );

  if (!file) {
    if (entry?.phase === 'failed') {
      return (
        <LoadFailed title="Could not read environments.yml" onRetry={() => void load(project.id)}>
          {entry.error}
        </LoadFailed>
      );
    }
    return (
      <Panel>
        <Loading label="Reading environments.yml…" />
      </Panel>
    );
  }

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      const result = await api.environments.save({
        projectId: project.id,
        text,
        baseDigest: draft?.baseDigest ?? file.digest,
      });
      if (result.saved) {
        discard();
        setOutcome({ kind: 'saved', backup: result.backup, at: new Date(), problems: result.problems });
        await load(project.id);
      } else {
        setOutcome({ kind: 'refused', problems: result.problems });
        const first = result.problems.find((p) => p.severity === 'error' && p.line);
        if (first) editor.current?.goTo(first.line!, first.column);
      }
    } catch (failure) {
      setOutcome({ kind: errorCode(failure) === 'conflict' ? 'conflict' : 'failed', message: errorMessage(failure) });
    } finally {
      setSaving(false);
    }
  };

  saveRef.current = () => void save();

  const reloadFromDisk = async () => {
    discard();
    setOutcome(undefined);
    await load(project.id);
  };

  const errors = problems.filter((p) => p.severity === 'error').length;
  const status = saving
    ? 'Checking and saving…'
    : outcome?.kind === 'saved' && !dirty
      ? `Saved at ${outcome.at.toLocaleTimeString()}${outcome.backup ? '; the previous version is in environments.yml.bak' : ''}.`
      : dirty
        ? 'Unsaved changes (kept if you reload or leave this screen).'
        : file.exists
          ? 'No changes.'
          : 'The file does not exist yet: saving creates it.';

  return (
    <form className="env-editor" onSubmit={save} noValidate>
      <Panel
        title={<span className="mono">{file.file}</span>}
        description={<span className="mono">{file.path}</span>}
        actions={
          <>
            <Button icon={RotateCcw} disabled={saving} onClick={() => void reloadFromDisk()}>
              {dirty ? 'Discard changes' : 'Reload from disk'}
            </Button>
            <Button type="submit" variant="primary" icon={Save} busy={saving} disabled={!dirty && file.exists}>
              Save
            </Button>
          </>
        }
        body="flush"
      >
        {stale ? (
          <div className="env-editor-banner">
            <Banner tone="warning" title="The file changed on disk after these edits began">
              Saving will be refused so that nobody's change is lost. Copy what you need, then choose Discard changes to
              load the file as it is now.
            </Banner>
          </div>
        ) : null}
        {outcome?.kind === 'conflict' || outcome?.kind === 'failed' ? (
          <div className="env-editor-banner">
            <Banner tone="danger" role="alert" title="Not saved">
              {outcome.message}
            </Banner>
          </div>
        ) : null}
        {problems.length > 0 ? (
          <section
            className={`editor-problems-box editor-problems-${outcome?.kind === 'refused' ? 'refused' : 'info'}`}
          >
            <h3 className="editor-problems-title">
              {outcome?.kind === 'refused'
                ? `Not saved: ${countLabel(errors, 'error')} to fix`
                : errors
                  ? `${countLabel(errors, 'error')} in the file on disk`
                  : countLabel(problems.length, 'warning')}
            </h3>
            <p className="editor-problems-hint">
              {outcome?.kind === 'refused' ? 'The file on disk is unchanged. ' : ''}Choose a place to put the caret
              there.
            </p>
            <EditorProblems
              problems={problems}
              label="Problems in environments.yml"
              onGo={(line, column) => editor.current?.goTo(line, column)}
            />
          </section>
        ) : null}
        <CodeEditor
          ref={editor}
          id={editorId}
          label={`Contents of ${file.file}`}
          value={text}
          errorLines={errorLines}
          describedBy={statusId}
          onChange={(next) => {
            if (next === file.text) discard();
            else update({ text: next, baseDigest: draft?.baseDigest ?? file.digest });
            if (outcome?.kind === 'saved') setOutcome(undefined);
          }}
        />
        <p id={statusId} className={`env-editor-status${dirty ? ' env-editor-dirty' : ''}`} role="status">
          {status} <span className="env-editor-hint">Ctrl+S saves.</span>
        </p>
      </Panel>
    </form>
  );
}
