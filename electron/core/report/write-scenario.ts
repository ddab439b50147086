import type { Scenario } from '../../../shared/report/fixtures/scenario-kit';
import { openJournal } from '../journal/journal-writer';

// Writes a report scenario as a real journal (the writer's hash chain, fdatasync and all), with
// the writer's clock set to each event's recorded time, so the same scenario gives the same bytes.

export async function writeScenarioJournal(runDir: string, scenario: Scenario): Promise<void> {
  let next = 0;
  const journal = await openJournal(runDir, {
    create: true,
    now: () => new Date(scenario.events[next]?.at ?? Date.now()),
  });
  try {
    for (const event of scenario.events) {
      await journal.append(event.type, event.data);
      next += 1;
    }
  } finally {
    await journal.close();
  }
}
