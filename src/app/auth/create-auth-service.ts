import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import type { Database } from '../../store/schema.js';
import { SessionRepository } from '../../store/repositories/sessions.js';
import { SignInAttemptRepository } from '../../store/repositories/sign-in-attempts.js';
import { UserRepository } from '../../store/repositories/users.js';
import { AuthService } from './auth-service.js';
import { SignInLimiter } from './sign-in-limiter.js';

/** Wires the auth service to the database: users, sessions and sign-in attempt counters. */
export function createAuthService(db: Kysely<Database>, clock: Clock, logger: Logger): AuthService {
  return new AuthService({
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    limiter: new SignInLimiter(new SignInAttemptRepository(db), clock),
    clock,
    logger: logger.child({ component: 'auth' }),
  });
}
