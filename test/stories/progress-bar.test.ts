import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/entrypoints/cli/progress-bar.js';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  let now = 0;
  const bar = new ProgressBar(
    { write: (text) => written.push(text), isTTY },
    { now: () => now, redrawEveryMs: 100, lineEveryMs: 5_000 },
  );
  return { written, bar, advance: (ms: number) => (now += ms) };
}

describe('ProgressBar', () => {
  it('redraws one terminal line in place, at most every redraw interval, and ends it', () => {
    const { written, bar, advance } = recorder(true);
    bar.update(1, 10, 'assigning');
    bar.update(2, 10, 'assigning');
    advance(150);
    bar.update(5, 10, 'assigning');
    bar.finish(10, 10, 'assigning');
    expect(written).toHaveLength(4);
    expect(written[0]).toMatch(/^\rassigning \[#{3}-{27}\] {2}10% 1\/10/);
    expect(written[1]).toContain('50% 5/10');
    expect(written[2]).toContain(`[${'#'.repeat(30)}] 100% 10/10`);
    expect(written[3]).toBe('\n');
  });

  it('writes plain lines, few of them, when not on a terminal', () => {
    const { written, bar, advance } = recorder(false);
    for (let done = 1; done <= 1000; done++) {
      bar.update(done, 1000, 'assigning');
      advance(20);
    }
    bar.finish(1000, 1000, 'assigning');
    expect(written.length).toBeLessThanOrEqual(6);
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(written.at(-1)).toBe('assigning: 1000/1000 (100%)\n');
  });
});
