import type { Clock } from '../../platform/clock.js';
import type { SignInAttemptRepository } from '../../store/repositories/sign-in-attempts.js';

export interface SignInLimits {
  /** Attempts allowed for one email in a window. */
  perEmail: number;
  /** Attempts allowed from one client address in a window (several people may share one). */
  perClient: number;
  windowMs: number;
}

export const defaultSignInLimits: SignInLimits = { perEmail: 10, perClient: 20, windowMs: 15 * 60_000 };

/** Whether an attempt may go on, and if not, in how many seconds it may. */
export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Limits sign-in attempts per email and per client address in fixed windows stored in the
 * database, so the limit holds across web processes. Every attempt is counted before the
 * password is checked: parallel guesses cannot slip in between a check and a count.
 */
export class SignInLimiter {
  constructor(
    private readonly attempts: SignInAttemptRepository,
    private readonly clock: Clock,
    private readonly limits: SignInLimits = defaultSignInLimits,
  ) {}

  async admit(email: string, clientAddress: string): Promise<LimitDecision> {
    const now = this.clock.now();
    const { windowMs } = this.limits;
    await this.attempts.deleteExpired(now, windowMs);
    const byEmail = await this.attempts.record(emailKey(email), now, windowMs);
    const byClient = await this.attempts.record(`client:${clientAddress}`, now, windowMs);
    const blocked = [
      byEmail.count > this.limits.perEmail ? byEmail.windowStart : undefined,
      byClient.count > this.limits.perClient ? byClient.windowStart : undefined,
    ].filter((start) => start !== undefined);
    if (blocked.length === 0) return { allowed: true };
    const reopensAt = Math.max(...blocked) + windowMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now) / 1000)) };
  }

  /** A right password resets the email's count; the client's keeps counting. */
  async succeeded(email: string): Promise<void> {
    await this.attempts.clear(emailKey(email));
  }
}

function emailKey(email: string): string {
  return `email:${email}`;
}
