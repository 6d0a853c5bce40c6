import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's recommended setting (19 MiB, 2 passes, 1 lane): each guess costs
 * 19 MiB of memory, which is what makes GPU cracking expensive, while a person signing in
 * waits a few milliseconds. The memory is also the cost of each concurrent sign-in, so it
 * is not raised lightly. The parameters travel inside each hash: raising them later keeps
 * old hashes valid.
 */
const ARGON2ID = 2 as Algorithm;
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** True when the password matches; a malformed stored hash is a mismatch, never a crash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
