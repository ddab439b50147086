import type { DemoStatus } from '../../../../shared/api/schemas/demo';

/** Quiet facts once Docker answered: the engine, how traffic switches, where the demo lives. */
export function DemoFacts({ status }: { status: DemoStatus }) {
  const engine = status.docker.version ? `Docker ${status.docker.version}` : 'Docker';
  const traffic =
    status.strategy === 'blue-green' ? 'blue-green through nginx on this machine' : 'recreate (no nginx found)';
  return (
    <div className="demo-facts">
      <p>
        {engine} is running · deploys {traffic}
      </p>
      <p>
        {status.state === 'absent' ? 'Will be created in' : 'Kept in'} <code>{status.projectPath}</code>
      </p>
    </div>
  );
}
