import { createHmac, timingSafeEqual } from 'node:crypto';

/** Hash functions a hub may sign with (W3C WebSub §8.1: sha1, sha256, sha384, sha512). */
const METHODS = new Set(['sha1', 'sha256', 'sha384', 'sha512']);

export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'unsupported' | 'mismatch';

/**
 * Checks `X-Hub-Signature: method=hex` against the HMAC of the raw body keyed with the
 * subscription's secret (W3C WebSub §8). Anything but `valid` means the body must be
 * ignored. The comparison takes the same time whatever the bytes, so the signature
 * cannot be guessed one byte at a time.
 */
export function checkSignature(header: string | string[] | undefined, body: Uint8Array, secret: string): SignatureCheck {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 'missing';
  const match = /^\s*([A-Za-z0-9]+)=([0-9A-Fa-f]+)\s*$/.exec(value);
  if (!match) return 'malformed';
  const method = match[1]!.toLowerCase();
  if (!METHODS.has(method)) return 'unsupported';
  const expected = createHmac(method, secret).update(body).digest();
  const given = Buffer.from(match[2]!, 'hex');
  if (given.length !== expected.length) return 'mismatch';
  return timingSafeEqual(given, expected) ? 'valid' : 'mismatch';
}

/** The header value a hub sends for this body and secret; for tests and peers. */
export function signBody(body: Uint8Array | string, secret: string, method = 'sha256'): string {
  return `${method}=${createHmac(method, secret).update(body).digest('hex')}`;
}
