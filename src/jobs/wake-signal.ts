/**
 * A pause that can be cut short. A wake-up that arrives while nobody waits is remembered,
 * so the next pause returns at once: a job queued during a claim is not left for the next poll.
 */
export class WakeSignal {
  private pending = false;
  private resolveCurrent: (() => void) | undefined;

  /** Resolves after `ms`, or as soon as `wake()` is called. */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        if (this.resolveCurrent === finish) this.resolveCurrent = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.resolveCurrent = finish;
    });
  }

  wake(): void {
    if (this.resolveCurrent) this.resolveCurrent();
    else this.pending = true;
  }
}
