import type { DemoStatus } from '../../../../shared/api/schemas/demo';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { RefreshCw } from '../../ui/icons';

/** Docker is not running: what is wrong and how to start it (the host's words), and "Check again". */
export function DockerDown({
  status,
  checking,
  onCheck,
  id,
}: {
  status: DemoStatus;
  checking: boolean;
  onCheck(): void;
  id: string;
}) {
  return (
    <div id={id}>
      <Banner
        tone="warning"
        title="The demo needs a running Docker engine"
        actions={
          <Button size="sm" icon={RefreshCw} busy={checking} onClick={onCheck}>
            Check again
          </Button>
        }
      >
        <p>{status.docker.message ?? `Docker did not answer on ${status.docker.socket}.`}</p>
        <p className="demo-muted">Everything else in Release Pilot works without it.</p>
      </Banner>
    </div>
  );
}
