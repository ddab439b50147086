import { CodedError } from '../../lib/coded-error';

export type SwarmErrorCode =
  /** The environment has no `deploy.swarm` section. */
  | 'swarm-not-configured'
  /** The engine is not part of a swarm, or is a worker (only managers update services). */
  | 'swarm-inactive'
  | 'swarm-service-not-found'
  /** The engine's own failure action rolled the update back. */
  | 'swarm-rolled-back'
  /** The engine paused the update (failureAction pause) or a rollback: some tasks run the new image. */
  | 'swarm-update-paused'
  | 'swarm-rollback-paused'
  /** A revert was asked for but the service has no previous spec to return to. */
  | 'swarm-no-previous'
  /** Neither the update status nor any task changed for longer than the environment allows. */
  | 'swarm-stalled'
  /** The engine says a rollback completed, but the tasks of the version it went back to do not run. */
  | 'swarm-rollback-not-running'
  | 'cancelled';

/** Every failure of the Swarm strategy; details name the engine and the service. */
export class SwarmError extends CodedError<SwarmErrorCode> {}
