import { describe, expect, it } from 'vitest';
import { crosses, placeLabel } from './label-place';

const plot = { left: 0, top: 0, right: 400, bottom: 200 };

describe('crosses', () => {
  it('sees a segment that passes through a box without a point in it', () => {
    const box = { left: 100, top: 90, right: 150, bottom: 110 };
    expect(
      crosses(
        [
          { x: 0, y: 0 },
          { x: 400, y: 400 },
        ],
        box,
      ),
    ).toBe(true);
    expect(
      crosses(
        [
          { x: 0, y: 150 },
          { x: 400, y: 150 },
        ],
        box,
      ),
    ).toBe(false);
    expect(crosses([{ x: 0, y: 100 }, null, { x: 400, y: 100 }], box)).toBe(false);
  });
});

describe('placeLabel', () => {
  it('keeps the right end above the line when nothing is there', () => {
    const { box, clear } = placeLabel(100, 80, 12, plot, [], []);
    expect(clear).toBe(true);
    expect(box).toEqual({ left: 316, top: 84, right: 396, bottom: 96 });
  });

  it('moves off a series line that climbs through the right end, and off a label already placed', () => {
    const climbing = [
      { x: 200, y: 200 },
      { x: 400, y: 0 },
    ];
    const first = placeLabel(100, 80, 12, plot, [climbing], []);
    expect(first.clear).toBe(true);
    expect(crosses(climbing, first.box)).toBe(false);
    const second = placeLabel(100, 80, 12, plot, [climbing], [first.box]);
    expect(second.clear).toBe(true);
    const apart =
      second.box.right <= first.box.left ||
      first.box.right <= second.box.left ||
      second.box.bottom <= first.box.top ||
      first.box.bottom <= second.box.top;
    expect(apart).toBe(true);
  });

  it('says when no spot is clear', () => {
    const everywhere = Array.from({ length: 41 }, (_, i) => [
      { x: i * 10, y: 0 },
      { x: i * 10, y: 200 },
    ]);
    expect(placeLabel(100, 80, 12, plot, everywhere, []).clear).toBe(false);
  });
});
