import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature, signBody } from './signature.js';

const body = Buffer.from('<rss><channel><title>ü</title></channel></rss>');
const secret = 'a-secret-of-the-subscription';

describe('checkSignature', () => {
  it.each(['sha1', 'sha256', 'sha384', 'sha512'])('accepts a correct %s HMAC of the raw body', (method) => {
    expect(checkSignature(`${method}=${createHmac(method, secret).update(body).digest('hex')}`, body, secret)).toBe('valid');
  });

  it('accepts upper-case hex and method names', () => {
    const hex = createHmac('sha256', secret).update(body).digest('hex').toUpperCase();
    expect(checkSignature(`SHA256=${hex}`, body, secret)).toBe('valid');
  });

  it('refuses another secret, another body, a truncated digest and a missing header', () => {
    expect(checkSignature(signBody(body, 'another secret'), body, secret)).toBe('mismatch');
    expect(checkSignature(signBody(Buffer.concat([body, Buffer.from(' ')]), secret), body, secret)).toBe('mismatch');
    expect(checkSignature(signBody(body, secret).slice(0, -2), body, secret)).toBe('mismatch');
    expect(checkSignature(undefined, body, secret)).toBe('missing');
  });

  it('refuses methods outside the recommendation and malformed values', () => {
    expect(checkSignature(`md5=${createHmac('md5', secret).update(body).digest('hex')}`, body, secret)).toBe('unsupported');
    expect(checkSignature('sha256', body, secret)).toBe('malformed');
    expect(checkSignature('sha256=not-hex', body, secret)).toBe('malformed');
  });
});
