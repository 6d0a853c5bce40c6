import { z } from 'zod';
import { NewsdeskError } from '../../platform/errors.js';

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; short enough that a form cannot make the server hash megabytes. */
export const MAX_PASSWORD_LENGTH = 1024;

const emailSchema = z.email().max(254);

/** Emails are compared lower-cased and trimmed, so `Ada@Example.org ` is the same person. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The normalised email, or INPUT_INVALID saying what is wrong with it. */
export function validEmail(email: string): string {
  const normalised = normaliseEmail(email);
  if (!emailSchema.safeParse(normalised).success) {
    throw new NewsdeskError('INPUT_INVALID', `${JSON.stringify(email)} is not an email address.`);
  }
  return normalised;
}

/** INPUT_INVALID unless the password is of an accepted length. */
export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new NewsdeskError('INPUT_INVALID', `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new NewsdeskError('INPUT_INVALID', `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
}
