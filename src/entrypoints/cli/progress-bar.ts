/** Where a progress bar draws: a terminal gets a bar redrawn in place, anything else plain lines. */
export interface ProgressTarget {
  write(text: string): void;
  isTTY: boolean;
}

const WIDTH = 30;

/**
 * Progress of a long command, on standard error so standard output stays for results. On a
 * terminal a bar is redrawn in place a few times a second; in a log or a pipe a plain line is
 * written at most every `lineEveryMs`, so the output stays short.
 */
export class ProgressBar {
  private lastDraw = -Infinity;
  private lastLine = '';
  private drawn = false;

  constructor(
    private readonly target: ProgressTarget,
    private readonly options: { now?: () => number; redrawEveryMs?: number; lineEveryMs?: number } = {},
  ) {}

  update(done: number, total: number, label: string): void {
    const now = (this.options.now ?? Date.now)();
    const every = this.target.isTTY
      ? (this.options.redrawEveryMs ?? 100)
      : (this.options.lineEveryMs ?? 5_000);
    if (now - this.lastDraw < every && done < total) return;
    this.lastDraw = now;
    this.draw(done, total, label);
  }

  /** Draws the final state and ends the bar's line. */
  finish(done: number, total: number, label: string): void {
    this.draw(done, total, label);
    if (this.target.isTTY && this.drawn) this.target.write('\n');
  }

  private draw(done: number, total: number, label: string): void {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const percent = `${Math.floor(share * 100)}%`.padStart(4);
    if (this.target.isTTY) {
      const filled = Math.round(share * WIDTH);
      this.target.write(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${percent} ${done}/${total}\x1b[K`,
      );
      this.drawn = true;
      return;
    }
    const line = `${label}: ${done}/${total} (${percent.trim()})`;
    if (line === this.lastLine) return;
    this.lastLine = line;
    this.target.write(line + '\n');
  }
}
