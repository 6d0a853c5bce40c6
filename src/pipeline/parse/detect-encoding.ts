import iconv from 'iconv-lite';
import { LATIN_DEFAULTS, normaliseLabel } from './encoding-labels.js';
import { confidentNonLatin, guessEncoding } from './guess-encoding.js';
import { windows1252Character } from './windows-1252.js';

/** The text of a feed and how its bytes were read. */
export interface DecodedText {
  text: string;
  /** The encoding used, as a lower-case label (`utf-8`, `windows-1251`, `utf-16le`). */
  encoding: string;
  /** Declarations found to be wrong or unknown. */
  issues: string[];
}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** `<?` (or `<` then a letter) written in a wide encoding without a byte order mark. */
const WIDE_SNIFFS: Array<[number[], string]> = [
  [[0x00, 0x00, 0x00, 0x3c], 'utf-32be'],
  [[0x3c, 0x00, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x3c, 0x00], 'utf-16be'],
  [[0x3c, 0x00], 'utf-16le'],
];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns feed bytes into text. Order of trust: a byte order mark; then the HTTP charset and
 * the XML declaration (RFC 7303), each kept only if the bytes agree with it (a document
 * declared Latin-1 whose bytes are valid multi-byte UTF-8 is UTF-8; one declared UTF-8 that
 * is not valid UTF-8 is not); then detection: valid UTF-8, else chardet's best guess.
 */
export function decodeFeedBytes(body: Uint8Array, contentType?: string | null): DecodedText {
  const decoded = decodeBytes(body, contentType);
  return { ...decoded, text: repairC1(decoded.text) };
}

function decodeBytes(body: Uint8Array, contentType: string | null | undefined): DecodedText {
  const issues: string[] = [];
  for (const [bom, encoding] of BOMS) {
    if (startsWith(body, bom)) return { text: decode(body.subarray(bom.length), encoding), encoding, issues };
  }
  for (const [sniff, encoding] of WIDE_SNIFFS) {
    if (startsWith(body, sniff)) return { text: decode(body, encoding), encoding, issues };
  }
  let utf8Text: string | null | undefined;
  const asUtf8 = () => (utf8Text === undefined ? (utf8Text = tryUtf8(body)) : utf8Text);
  const candidates = [charsetFromContentType(contentType), declaredEncoding(body)];
  for (const declared of candidates) {
    if (!declared) continue;
    const normalised = normaliseLabel(declared);
    if (!normalised) {
      issues.push(`unknown charset "${declared}"`);
      continue;
    }
    const { label, canonical } = normalised;
    if (canonical === 'utf-8') {
      if (asUtf8() !== null) return { text: asUtf8() as string, encoding: label, issues };
      issues.push('declared UTF-8 but the bytes are not UTF-8');
      continue;
    }
    if (canonical.startsWith('utf-16') || canonical.startsWith('utf-32')) {
      issues.push(`declared ${label} but the bytes are not ${label}`);
      continue;
    }
    const text = asUtf8();
    if (text !== null && text.length !== body.length) {
      issues.push(`declared ${label} but the bytes are UTF-8`);
      return { text, encoding: 'utf-8', issues };
    }
    if (LATIN_DEFAULTS.has(label)) {
      const better = confidentNonLatin(body);
      if (better) {
        issues.push(`declared ${label} but the text reads as ${better}`);
        return { text: decode(body, better), encoding: better, issues };
      }
    }
    return { text: decode(body, canonical), encoding: label, issues };
  }
  const text = asUtf8();
  if (text !== null) return { text, encoding: 'utf-8', issues };
  const guessed = guessEncoding(body);
  issues.push(`no usable encoding declared and the bytes are not UTF-8: read as ${guessed}`);
  return { text: decode(body, guessed), encoding: guessed, issues };
}

function tryUtf8(body: Uint8Array): string | null {
  try {
    return utf8.decode(body);
  } catch {
    return null;
  }
}

function decode(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  }
}

const C1_CONTROLS = /[\u0080-\u009f]/g;

/**
 * C1 control characters never belong in a feed's text; they are windows-1252 punctuation
 * (curly quotes, dashes) that was converted to Unicode byte for byte. Put the intended
 * characters back.
 */
function repairC1(text: string): string {
  C1_CONTROLS.lastIndex = 0;
  if (!C1_CONTROLS.test(text)) return text;
  return text.replace(C1_CONTROLS, (c) => windows1252Character(c.charCodeAt(0)));
}

function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(["']?)([^"';\s]+)\1/i.exec(contentType);
  return match ? (match[2] as string) : null;
}

/** The encoding named by the XML declaration, or by an HTML meta tag near the start. */
function declaredEncoding(body: Uint8Array): string | null {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 2048)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/i.exec(head);
  if (xml) return xml[1] || 'invalid';
  // An XML document without an encoding is UTF-8 (XML 1.0 §4.3.3), whatever HTML it quotes.
  if (/^\s*<\?xml/i.test(head)) return null;
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return meta ? (meta[1] as string) : null;
}

function startsWith(body: Uint8Array, prefix: number[]): boolean {
  if (body.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (body[i] !== prefix[i]) return false;
  return true;
}
