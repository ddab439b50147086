import { Panel } from '../../ui/panel';
import { OpenProjectForm } from './open-project-form';

export function OpenProjectPanel() {
  return (
    <Panel title="Open another project" description="A repository with a .release-pilot/ folder." body="flush">
      <OpenProjectForm />
    </Panel>
  );
}
