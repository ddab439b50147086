import { describe, expect, it } from 'vitest';
import { validateRunbookSource } from './load-runbook';
import { parseYamlSource } from './yaml-source';

// The seed workflow (deployment-workflow.md, "Alert Rules") writes its rules with `duration:`;
// a team pasting them into a runbook gets them accepted as written, `duration:` meaning `for:`.

const seedAlerts = `alerts:
  - name: HighErrorRate
    condition: error_rate > 5%
    duration: 5m
    severity: critical

  - name: HighLatency
    condition: p95_latency > 2s
    duration: 10m
    severity: critical

  - name: LowAvailability
    condition: availability < 99.5%
    duration: 2m
    severity: critical

  - name: HighCPU
    condition: cpu_usage > 80%
    duration: 15m
    severity: warning
`;

const head = `id: web
title: Web release
roles: { devops: DevOps Engineer }
steps:
  - { id: deploy, title: Deploy, owner: devops, actions: [{ type: deploy }] }
`;

function load(text: string) {
  return validateRunbookSource(parseYamlSource(text, 'runbook.yml'), 'runbook');
}

describe('alert rules: duration: as another name for for:', () => {
  it('accepts the seed’s alert rules as written, each for its duration', () => {
    const loaded = load(`${head}${seedAlerts}`);
    expect(loaded.problems).toEqual([]);
    expect(loaded.runbook?.alerts.map((a) => [a.name, a.for])).toEqual([
      ['HighErrorRate', 300_000],
      ['HighLatency', 600_000],
      ['LowAvailability', 120_000],
      ['HighCPU', 900_000],
    ]);
    expect(loaded.runbook?.alerts[0]).not.toHaveProperty('duration');
  });

  it('refuses both names on one rule, at duration:', () => {
    const loaded = load(`${head}alerts:\n  - { name: A, condition: error_rate > 5%, for: 5m, duration: 10m }\n`);
    expect(loaded.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.field}: ${p.message}`)).toEqual([
      '7:63 error alerts[0].duration: duration: is another name for for:; give one of them, not both',
    ]);
  });
});
