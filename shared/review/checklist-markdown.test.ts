import { describe, expect, it } from 'vitest';
import type { ReviewTick } from '../api/schemas/review';
import { renderHtml, tableProblems } from '../report/test-support/table-shapes';
import { renderChecklistMarkdown } from './checklist-markdown';
import { sampleOutline } from './test-support/sample-outline';

const exportedAt = '2026-11-02T10:30:00.000Z';
const tick = (item: string, extra: Partial<ReviewTick> = {}): ReviewTick => ({
  item,
  by: 'Ada Lovelace',
  role: 'devops',
  at: '2026-11-01T08:00:00.000Z',
  ...extra,
});

describe('renderChecklistMarkdown', () => {
  it('lists every step, gate, item and exit criterion, with ticks shown', () => {
    const markdown = renderChecklistMarkdown(sampleOutline(), [tick('prepare.tests', { note: 'CI #418' })], {
      exportedAt,
    });
    expect(markdown).toContain('# Checklist review: Production deployment');
    expect(markdown).toContain('- Exported: 2026-11-02T10:30:00Z (UTC)');
    expect(markdown).toContain(
      '- Pre-ticked: 1 of the 3 items that can be ticked ahead; 1 more are checked automatically by the run',
    );
    expect(markdown).toContain('The 1 pre-ticked item will be carried into the next run of `deploy`, signed as shown.');
    expect(markdown).toContain('| Gate 1: Readiness | 2 | 1 | 1 | 0 |');
    expect(markdown).toContain('| Gate 2: Staging | 0 | 0 | 0 | no items in this runbook |');
    expect(markdown).toContain('| Gate 3: Production | 1 | 0 | 0 | 1 |');
    expect(markdown).toContain('## 1. Preparation');
    expect(markdown).toContain('### Readiness (Gate 1: Readiness)');
    expect(markdown).toContain(
      '- [x] All tests passing — pre-ticked by Ada Lovelace (devops) at 2026-11-01T08:00:00Z; note: CI #418',
    );
    expect(markdown).toContain(
      '- [ ] Coverage at least 80 % — automatic: lines coverage at least 80 % in coverage/coverage-summary.json',
    );
    expect(markdown).toContain('Owner: DevOps Engineer · Approvals in the run: QA Lead · Applies to: production');
    expect(markdown).toContain("- [ ] Database backup verified — needed before the step's actions");
    expect(markdown).toContain('## Exit criteria\n\n- [ ] Release notes published');
    expect(markdown).toContain('## Rollback (only if the run rolls back)');
    expect(markdown).toContain('- [ ] Previous version healthy — ticked during a rollback');
    expect(tableProblems(markdown)).toEqual([]);
    const html = renderHtml(markdown);
    expect(html).toContain('<li>[x] All tests passing');
  });

  it('says so when nothing is pre-ticked', () => {
    expect(renderChecklistMarkdown(sampleOutline(), [], { exportedAt })).toContain(
      'Nothing is pre-ticked yet: every item is ticked during the run.',
    );
  });

  it('escapes what people typed and what the runbook says: pipes, tags, backticks, headings', () => {
    const outline = sampleOutline();
    const step = outline.steps[0]!;
    step.title = 'Prep | <b>bold</b>';
    step.checklists[0]!.items[0]!.text = '# not a heading | `tick`';
    outline.runbook.id = 'dep`loy';
    const markdown = renderChecklistMarkdown(
      outline,
      [
        tick('prepare.tests', {
          by: 'Eve | <script>x</script>',
          role: '*admin*',
          note: 'line one\nline two | [link](x)',
        }),
      ],
      { exportedAt },
    );
    const html = renderHtml(markdown);
    expect(html).not.toMatch(/<(script|b|em|a)[ >]/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('Prep | &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('# not a heading | `tick`');
    expect(html).toContain('Eve | &lt;script&gt;x&lt;/script&gt; (*admin*)');
    expect(html).toContain('note: line one ↵ line two | [link](x)');
    expect(html).toContain('<code>dep`loy</code>');
    expect(tableProblems(markdown)).toEqual([]);
  });
});
