// Where a threshold's label goes: beside its line, somewhere no series line passes and no other
// label sits. Pure geometry on canvas pixels, so it can be tested without a canvas.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A series as pixel points; null where nothing was measured (a gap, no line drawn). */
export type Polyline = ReadonlyArray<{ x: number; y: number } | null>;

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Does any segment (or point) of the polyline pass through the box? */
export function crosses(line: Polyline, box: Box): boolean {
  for (let i = 0; i < line.length; i++) {
    const a = line[i];
    if (!a) continue;
    if (a.x >= box.left && a.x <= box.right && a.y >= box.top && a.y <= box.bottom) return true;
    const b = line[i + 1];
    if (!b) continue;
    const from = Math.max(Math.min(a.x, b.x), box.left);
    const to = Math.min(Math.max(a.x, b.x), box.right);
    if (from > to) continue;
    const yAt = (x: number) => (a.x === b.x ? a.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x));
    const low = Math.min(yAt(from), yAt(to), a.x === b.x ? Math.min(a.y, b.y) : Number.POSITIVE_INFINITY);
    const high = Math.max(yAt(from), yAt(to), a.x === b.x ? Math.max(a.y, b.y) : Number.NEGATIVE_INFINITY);
    if (low <= box.bottom && high >= box.top) return true;
  }
  return false;
}

/**
 * The first clear spot for a `width`×`height` label on the horizontal line at `y`: above it, then
 * below it, from the right end leftwards. `clear` is false when every spot was taken (it then goes
 * above the right end, as before).
 */
export function placeLabel(
  y: number,
  width: number,
  height: number,
  plot: Box,
  lines: readonly Polyline[],
  placed: readonly Box[],
  pad = 4,
  /** Room kept between the label and a line (half a line's width and a point marker's radius). */
  margin = 4,
): { box: Box; clear: boolean } {
  const steps = 8;
  const span = Math.max(0, plot.right - plot.left - width - 2 * pad);
  const candidates: Box[] = [];
  for (let i = 0; i <= steps; i++) {
    const right = plot.right - pad - (span * i) / steps;
    for (const above of [true, false]) {
      const top = above ? y - pad - height : y + pad;
      if (top < plot.top || top + height > plot.bottom) continue;
      candidates.push({ left: right - width, top, right, bottom: top + height });
    }
  }
  const clear = candidates.find(
    (box) => !placed.some((other) => overlaps(box, other)) && !lines.some((line) => crosses(line, grow(box, margin))),
  );
  if (clear) return { box: clear, clear: true };
  const right = plot.right - pad;
  const top = Math.max(plot.top, y - pad - height);
  return { box: { left: right - width, top, right, bottom: top + height }, clear: false };
}

const grow = (box: Box, by: number): Box => ({
  left: box.left - by,
  top: box.top - by,
  right: box.right + by,
  bottom: box.bottom + by,
});
