import type { DemoStatus } from '../../../../shared/api/schemas/demo';
import { Banner } from '../../ui/banner';

/** Without nginx the demo still works, by recreate: the note says so and what to install for blue-green. */
export function ProxyNote({ status }: { status: DemoStatus }) {
  if (status.proxy.kind !== 'none') return null;
  return <Banner tone="info">{status.proxy.message}</Banner>;
}
