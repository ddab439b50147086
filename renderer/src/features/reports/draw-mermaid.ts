// The report's mermaid blocks drawn as charts. mermaid is large, so it is imported only when a
// report with a chart is shown; the markdown (export, copy) keeps its code block either way.

let counter = 0;

function prefersDark(): boolean {
  const pinned = document.documentElement.dataset.theme;
  if (pinned === 'dark' || pinned === 'light') return pinned === 'dark';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

/**
 * Replaces each `<pre><code class="language-mermaid">` under `root` by a figure holding its chart.
 * `stale()` is asked after every await: a newer render of the preview has replaced these nodes.
 * A block mermaid cannot draw stays as code, with a note saying why.
 */
export async function drawMermaidBlocks(root: HTMLElement, stale: () => boolean): Promise<void> {
  const blocks = [...root.querySelectorAll<HTMLElement>('pre > code.language-mermaid')];
  if (blocks.length === 0) return;
  const { default: mermaid } = await import('mermaid');
  if (stale()) return;
  // strict: the chart's text is escaped and click handlers are refused.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: prefersDark() ? 'dark' : 'default' });
  for (const code of blocks) {
    const pre = code.parentElement;
    if (!pre) continue;
    const source = code.textContent ?? '';
    try {
      counter += 1;
      const { svg } = await mermaid.render(`report-chart-${counter}`, source);
      if (stale()) return;
      const figure = document.createElement('figure');
      figure.className = 'report-chart';
      figure.setAttribute('role', 'img');
      figure.setAttribute('aria-label', 'Timeline chart: each step and action attempt as a bar');
      figure.innerHTML = svg;
      pre.replaceWith(figure);
    } catch (error) {
      if (stale()) return;
      const note = document.createElement('p');
      note.className = 'report-chart-failed';
      note.textContent = `The chart could not be drawn (${error instanceof Error ? error.message : String(error)}); its source is shown instead.`;
      pre.before(note);
    }
  }
}
