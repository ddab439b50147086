import { useId } from 'react';
import type { ProjectVersions } from '../../../../../shared/api/schemas/runs-ui';
import { formatDateTime } from '../../../lib/format-time';
import { FormField } from '../../../ui/form-field';
import { TextInput } from '../../../ui/input';
import { GitCommit, Tag } from '../run-icons';
import { matchVersion } from './start-draft';

// The version: typed freely or picked from the repository's tags and recent commits (the list
// drops down from the field; the newest tags are also one click or Enter away below it).

const quickTags = 4;

function VersionHint({ version, versions, error }: { version: string; versions?: ProjectVersions; error?: string }) {
  if (error) return <>Versions could not be listed ({error}); type a tag or commit.</>;
  const match = matchVersion(version, versions);
  if (match.kind === 'tag')
    return (
      <>
        <Tag size={12} aria-hidden /> Tag at commit <code>{match.commit.slice(0, 12)}</code>,{' '}
        {formatDateTime(match.date)}
      </>
    );
  if (match.kind === 'commit')
    return (
      <>
        <GitCommit size={12} aria-hidden /> Commit “{match.subject}” by {match.author}, {formatDateTime(match.date)}
      </>
    );
  if (version.trim()) return <>Not one of the listed versions: the preview checks what it names.</>;
  return <>A tag, a commit, or anything else the repository knows.</>;
}

export function VersionField({
  value,
  onChange,
  versions,
  loadError,
  error,
}: {
  value: string;
  onChange(value: string): void;
  versions?: ProjectVersions;
  loadError?: string;
  error?: string;
}) {
  const listId = useId();
  const tags = versions?.tags ?? [];
  return (
    <div className="version-field">
      <FormField
        label="Version"
        error={error}
        hint={<VersionHint version={value} versions={versions} error={loadError} />}
      >
        {(control) => (
          <TextInput
            {...control}
            className="mono"
            list={listId}
            value={value}
            placeholder={tags[0]?.name ?? 'v1.2.3 or a commit'}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </FormField>
      <datalist id={listId}>
        {tags.map((tag) => (
          <option key={`tag:${tag.name}`} value={tag.name}>
            tag · {formatDateTime(tag.date)}
          </option>
        ))}
        {(versions?.commits ?? []).map((commit) => (
          <option key={`commit:${commit.sha}`} value={commit.shortSha}>
            {commit.subject} · {commit.author}
          </option>
        ))}
      </datalist>
      {tags.length ? (
        <fieldset className="version-quick">
          <legend className="visually-hidden">Newest tags</legend>
          {tags.slice(0, quickTags).map((tag) => (
            <button
              key={tag.name}
              type="button"
              className={`version-chip${tag.name === value.trim() ? ' version-chip-on' : ''}`}
              aria-pressed={tag.name === value.trim()}
              onClick={() => onChange(tag.name)}
            >
              {tag.name}
            </button>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
