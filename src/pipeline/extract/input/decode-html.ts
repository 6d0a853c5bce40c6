import chardet from 'chardet';
import iconv from 'iconv-lite';
import { isUtf8 } from 'node:buffer';

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

/**
 * Turns page bytes into text: a byte-order mark wins, then the HTTP charset, then a
 * `<meta charset>` in the first 4 KB (unless the bytes are valid UTF-8 with letters beyond ASCII),
 * then detection; invalid UTF-8 falls back to detection.
 * Labels are read as the WHATWG encoding standard reads them (latin1 means windows-1252).
 */
export function decodeHtml(bytes: Uint8Array | string, contentType?: string): string {
  if (typeof bytes === 'string') return bytes;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomEncoding(buffer);
  if (bom) return decodeWith(buffer, bom) ?? buffer.toString('utf8');
  const declared = charsetOf(contentType) ?? charsetOf(buffer.subarray(0, 4096).toString('latin1'), META_CHARSET);
  // Text in a legacy charset almost never forms valid UTF-8 once it holds letters beyond ASCII,
  // while UTF-8 pages that still declare their old charset (or a server default) are common.
  if (declared && declared !== 'utf-8' && isAsciiCompatible(declared) && hasNonAscii(buffer) && isUtf8(buffer)) return buffer.toString('utf8');
  if (declared) {
    const text = decodeWith(buffer, declared, declared === 'utf-8');
    if (text !== null) return text;
  }
  const strict = decodeWith(buffer, 'utf-8', true);
  if (strict !== null) return strict;
  const detected = chardet.detect(buffer.subarray(0, 65536));
  return decodeWith(buffer, normaliseLabel(detected ?? 'windows-1252')) ?? buffer.toString('latin1');
}

function bomEncoding(buffer: Buffer): string | null {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 'utf-8';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  return null;
}

function charsetOf(text: string | undefined, pattern = /charset\s*=\s*["']?([\w:.-]+)/i): string | null {
  const match = text ? pattern.exec(text) : null;
  return match?.[1] ? normaliseLabel(match[1]) : null;
}

function normaliseLabel(label: string): string {
  const l = label.trim().toLowerCase();
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  // Browsers read these labels as windows-1252, and pages rely on it for curly quotes.
  if (['iso-8859-1', 'latin1', 'iso8859-1', 'ascii', 'us-ascii', 'l1', 'cp819'].includes(l)) return 'windows-1252';
  if (l === 'gb2312' || l === 'gbk') return 'gb18030';
  return l;
}

/** Decodes, or answers null when the label is unknown or (strictly) the bytes are not valid. */
function decodeWith(buffer: Buffer, label: string, strict = false): string | null {
  try {
    return new TextDecoder(label, { fatal: strict }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    if (strict) return null;
  }
  return iconv.encodingExists(label) ? iconv.decode(buffer, label) : null;
}

function hasNonAscii(buffer: Buffer): boolean {
  for (let i = 0; i < buffer.length; i++) if (buffer[i]! >= 0x80) return true;
  return false;
}

/** Charsets that write ASCII as ASCII; UTF-16 and its kin do not, and their bytes are never valid UTF-8 text. */
function isAsciiCompatible(label: string): boolean {
  return !/^(utf-16|utf-32|ucs-2|unicode)/.test(label);
}
