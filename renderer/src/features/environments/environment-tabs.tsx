import { hrefFor } from '../../app/routes';
import { Server } from '../../ui/icons';
import { FileCode } from './environment-icons';

/** Two views of one file: what it says, and the file itself. Links, so Back and reload keep the view. */
export function EnvironmentTabs({ editing }: { editing: boolean }) {
  return (
    <nav className="env-tabs" aria-label="Environments views">
      <a href={hrefFor('environments')} aria-current={editing ? undefined : 'page'}>
        <Server size={14} aria-hidden />
        Overview
      </a>
      <a href={hrefFor('environments', 'edit')} aria-current={editing ? 'page' : undefined}>
        <FileCode size={14} aria-hidden />
        Edit environments.yml
      </a>
    </nav>
  );
}
