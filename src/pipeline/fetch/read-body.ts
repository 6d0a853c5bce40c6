import type http from 'node:http';
import { pipeline, type Readable, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import { NewsdeskError } from '../../platform/errors.js';

/**
 * Reads a response body, decompressing gzip, deflate and brotli, and stops as soon as more
 * than `maxBytes` *decompressed* bytes arrive: a compression bomb is cut off after the limit,
 * not after it has filled memory. A body that never ends is cut off by the caller's deadline.
 */
export async function readBody(
  response: http.IncomingMessage,
  maxBytes: number,
  href: string,
  signal: AbortSignal,
): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  if (!encoding && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(href, maxBytes);
  }
  const decoder = decoderFor(encoding);
  // pipeline, unlike pipe, passes an aborted response on to the decoder, so reading it cannot hang.
  const stream: Readable = decoder ? pipeline(response, decoder, () => {}) : response;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge(href, maxBytes);
      chunks.push(chunk as Buffer);
    }
  } catch (cause) {
    response.destroy();
    stream.destroy();
    if (cause instanceof NewsdeskError) throw cause;
    if (signal.aborted)
      throw new NewsdeskError('FETCH_TIMEOUT', `${href} did not finish sending in time.`, {
        cause,
        context: { phase: 'total' },
      });
    throw new NewsdeskError('SOURCE_UNREACHABLE', `Reading ${href} failed: ${(cause as Error).message}`, {
      cause,
    });
  }
  return Buffer.concat(chunks);
}

function decoderFor(encoding: string): Transform | null {
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip();
  if (encoding === 'deflate') return zlib.createInflate();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  return null;
}

function tooLarge(href: string, maxBytes: number): NewsdeskError {
  return new NewsdeskError('FETCH_TOO_LARGE', `${href} sent more than ${maxBytes} bytes.`, {
    context: { maxBytes },
  });
}
