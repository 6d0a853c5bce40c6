import type { Clock } from '../../platform/clock.js';
import { NewsdeskError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { SessionRepository } from '../../store/repositories/sessions.js';
import type { User, UserRepository } from '../../store/repositories/users.js';
import { checkNewPassword, MAX_PASSWORD_LENGTH, normaliseEmail, validEmail } from './credentials.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SignInLimiter } from './sign-in-limiter.js';
import { newToken, sha256Hex } from './tokens.js';

export const SESSION_TTL_MS = 14 * 24 * 3_600_000;

/** Who is behind a request: the user, and the CSRF token their forms must carry. */
export interface Viewer {
  user: User;
  csrfToken: string;
}

/** A fresh session: `token` goes in the cookie and nowhere else. */
export interface SignedIn extends Viewer {
  token: string;
  expiresAt: number;
}

export interface AuthDependencies {
  users: UserRepository;
  sessions: SessionRepository;
  limiter: SignInLimiter;
  clock: Clock;
  logger: Logger;
}

/**
 * Users, passwords and sessions. The cookie value is 32 random bytes; the database keeps
 * only its SHA-256, so a leaked database holds no usable session.
 */
export class AuthService {
  /** Checked against when the email is unknown, so both failures take about as long. */
  private decoyHash: Promise<string> | undefined;

  constructor(private readonly deps: AuthDependencies) {}

  async addUser(input: { email: string; password: string; isAdmin: boolean }): Promise<User> {
    const email = validEmail(input.email);
    checkNewPassword(input.password);
    const passwordHash = await hashPassword(input.password);
    const user = await this.deps.users.add({ email, passwordHash, isAdmin: input.isAdmin }, this.deps.clock.now());
    this.deps.logger.info({ event: 'user_added', user_id: user.id, is_admin: user.isAdmin });
    return user;
  }

  /**
   * Checks the password and opens a new session, deleting the one the browser had (a new
   * id at every sign-in). RATE_LIMITED (context.retryAfterSeconds) when there were too
   * many attempts; AUTH_INVALID for a wrong email or password, without saying which.
   */
  async signIn(input: { email: string; password: string; clientAddress: string; previousToken?: string | undefined }): Promise<SignedIn> {
    const email = normaliseEmail(input.email).slice(0, 254);
    const log = this.deps.logger.child({ client: input.clientAddress });
    const decision = await this.deps.limiter.admit(email, input.clientAddress);
    if (!decision.allowed) {
      log.warn({ event: 'sign_in_rate_limited' });
      throw new NewsdeskError('RATE_LIMITED', `Too many sign-in attempts; try again in ${decision.retryAfterSeconds} seconds.`, {
        context: { retryAfterSeconds: decision.retryAfterSeconds },
      });
    }
    const password = input.password.slice(0, MAX_PASSWORD_LENGTH + 1);
    const found = await this.deps.users.findCredentials(email);
    const matches = await verifyPassword(found?.passwordHash ?? (await this.decoy()), password);
    if (!found || !matches) {
      log.info({ event: 'sign_in_failed' });
      throw new NewsdeskError('AUTH_INVALID', 'The email or password is wrong.');
    }
    await this.deps.limiter.succeeded(email);
    if (input.previousToken) await this.deps.sessions.delete(sha256Hex(input.previousToken));
    const now = this.deps.clock.now();
    await this.deps.sessions.deleteExpired(now);
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = now + SESSION_TTL_MS;
    await this.deps.sessions.create({ idHash: sha256Hex(token), userId: found.user.id, csrfToken, createdAt: now, expiresAt });
    log.info({ event: 'sign_in_succeeded', user_id: found.user.id });
    return { token, user: found.user, csrfToken, expiresAt };
  }

  /** The viewer of a session cookie, or undefined when it names no live session. */
  async viewerFor(token: string): Promise<Viewer | undefined> {
    const found = await this.deps.sessions.findActive(sha256Hex(token), this.deps.clock.now());
    return found ? { user: found.user, csrfToken: found.session.csrfToken } : undefined;
  }

  async signOut(token: string): Promise<void> {
    await this.deps.sessions.delete(sha256Hex(token));
  }

  private decoy(): Promise<string> {
    return (this.decoyHash ??= hashPassword(newToken()));
  }
}
