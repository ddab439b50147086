import { hrefFor } from '../../../app/routes';
import { Banner } from '../../../ui/banner';
import { ProblemList } from '../../../ui/problem-list';
import type { StartFailure } from './start-error';

/** A refused start: what happened, what to do (the override, Settings, the files' problems). */
export function StartFailureView({ failure }: { failure: StartFailure }) {
  return (
    <Banner
      tone={failure.windowRule ? 'warning' : 'danger'}
      role="alert"
      title={failure.windowRule ? 'Outside the deployment window' : 'The run did not start'}
    >
      <p>{failure.message}</p>
      {failure.windowRule ? <p>Write why it must start now, above, to override it.</p> : null}
      {failure.needsOperator ? (
        <p>
          <a href={hrefFor('settings')}>Open Settings</a> to set your name.
        </p>
      ) : null}
      {failure.problems.length ? (
        <ProblemList problems={failure.problems} label="Problems in the project's files" />
      ) : null}
    </Banner>
  );
}
