import type { FollowInfo } from '../../../../shared/api/schemas/log-sources';
import { Button } from '../../ui/button';
import { X } from '../../ui/icons';
import { StatusBadge } from '../../ui/status-badge';
import { useFollowSources } from './follow-sources';
import { followSources } from './live-logs';
import { Container, FileText, NotebookText } from './log-source-icons';
import './followed-sources.css';

const icons = { container: Container, file: FileText, journal: NotebookText } as const;

function StateBadge({ follow }: { follow: FollowInfo }) {
  if (follow.state === 'following') {
    return (
      <StatusBadge tone="success" dot>
        Following
      </StatusBadge>
    );
  }
  return (
    <StatusBadge tone={follow.code === 'failed' ? 'danger' : 'neutral'} dot>
      Ended
    </StatusBadge>
  );
}

/** The added sources with their state (following, or ended and why) and a Remove each. */
export function FollowedSources() {
  const follows = useFollowSources((state) => state.follows);
  const removingId = useFollowSources((state) => state.removingId);
  const removeError = useFollowSources((state) => state.removeError);
  if (follows.length === 0) return null;
  return (
    <section className="followed-sources" aria-label="Added sources">
      <ul>
        {follows.map((follow) => {
          const Icon = icons[follow.source.kind];
          return (
            <li key={follow.followId} className="followed-source" data-state={follow.state}>
              <Icon size={15} aria-hidden />
              <span className="followed-name" title={follow.label}>
                {follow.label}
              </span>
              <span className="followed-env">{follow.environment}</span>
              <StateBadge follow={follow} />
              <span className="followed-reason">{follow.state === 'ended' ? follow.reason : null}</span>
              <Button
                size="sm"
                variant="ghost"
                icon={X}
                aria-label={`Remove ${follow.label}`}
                title={follow.state === 'following' ? 'Stop following and remove its lines' : 'Remove its lines'}
                busy={removingId === follow.followId}
                onClick={() => void followSources.remove(follow.followId)}
              >
                Remove
              </Button>
              {removeError?.followId === follow.followId ? (
                <p className="followed-error" role="alert">
                  Could not stop {follow.label}: {removeError.message}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
