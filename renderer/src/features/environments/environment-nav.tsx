import type { EnvironmentSummary } from '../../../../shared/api/schemas/project';
import { hrefFor } from '../../app/routes';
import { countLabel } from '../../lib/format-problem';
import { CircleAlert, Lock } from '../../ui/icons';

/** The project's environments, one link each; the selected one is marked for assistive tech too. */
export function EnvironmentNav({
  environments,
  selected,
}: {
  environments: readonly EnvironmentSummary[];
  selected?: string;
}) {
  return (
    <nav className="env-nav" aria-label="Environments">
      <ul>
        {environments.map((env) => (
          <li key={env.name}>
            <a href={hrefFor('environments', env.name)} aria-current={env.name === selected ? 'page' : undefined}>
              <span className="env-nav-name">{env.name}</span>
              <span className="env-nav-meta">
                {env.protected ? <Lock size={12} aria-label="Protected" /> : null}
                {countLabel(env.hostCount, 'host')}
                {env.problems.length ? (
                  <span className="env-nav-problems">
                    <CircleAlert size={12} aria-hidden />
                    {countLabel(env.problems.length, 'problem')}
                  </span>
                ) : null}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
