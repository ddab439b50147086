import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtInRunbookFile, builtInRunbookPath } from '../../electron/core/formats/built-in-runbook';
import { loadProject } from '../../electron/core/formats/load-project';
import { validateRunbookSource } from '../../electron/core/formats/load-runbook';
import { parseYamlSource } from '../../electron/core/formats/yaml-source';

// How long checking runbooks takes: the app re-validates on every file change and the CLI on
// every CI run, so it must stay far below what a person notices, even for a large runbook.

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeMs(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A runbook of `steps` steps, every 10th with three mistakes, to time the problem reporting too. */
function largeRunbook(steps: number): string {
  const lines = ['title: Large', 'roles: { devops: DevOps }', 'steps:'];
  for (let i = 0; i < steps; i++) {
    const broken = i % 10 === 0;
    lines.push(
      `  - id: step-${i}`,
      `    title: Step ${i}`,
      `    owner: ${broken ? 'ghost' : 'devops'}`,
      '    actions:',
    );
    lines.push(`      - { type: ${broken ? 'shell' : 'http.check'}, timeout: ${broken ? 'soon' : '5s'}, attempts: 3 }`);
    lines.push('    checklists:', '      - title: Checks', '        items:');
    for (let j = 0; j < 5; j++) lines.push(`          - { id: item-${j}, text: Item ${j} }`);
  }
  return `${lines.join('\n')}\n`;
}

export async function benchFormats(): Promise<Record<string, string | number>> {
  const builtIn = readFileSync(builtInRunbookPath(), 'utf8');
  const large = largeRunbook(500);
  let problems = 0;
  const builtInMs = timeMs(30, () => {
    validateRunbookSource(parseYamlSource(builtIn, builtInRunbookFile), 'default');
  });
  const largeMs = timeMs(10, () => {
    problems = validateRunbookSource(parseYamlSource(large, 'large.yml'), 'large').problems.length;
  });
  const lab = join(import.meta.dirname, '..', '..', 'docs', 'examples', 'lab-project');
  const projectTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    await loadProject(lab);
    projectTimes.push(performance.now() - start);
  }
  return {
    'built-in runbook parse + validate': `${builtInMs.toFixed(2)} ms`,
    '500-step runbook, 50 broken steps': `${largeMs.toFixed(1)} ms (${problems} problems)`,
    'lab example project load (2 files)': `${median(projectTimes).toFixed(2)} ms`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [label, value] of Object.entries(await benchFormats())) console.log(`${label.padEnd(36)} ${value}`);
}
