import { eld } from 'eld/medium';

const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug', 'ku']);

/**
 * The page's language: the declared one when detection on the text agrees or is unsure,
 * the detected one when the declaration is missing or clearly wrong (templates often keep
 * `lang="en"` on pages in other languages). Direction: a declared `dir`, else from the language.
 */
export function detectLanguage(declared: string | null, declaredDir: string | null, text: string): { lang: string | null; dir: 'ltr' | 'rtl' | null } {
  const sample = text.slice(0, 1000);
  const detected = sample.length >= 40 ? eld.detect(sample) : null;
  const detectedCode = detected && detected.isReliable() && detected.language ? detected.language : null;
  const declaredCode = declared ? primary(declared) : null;
  let lang = declared?.trim() || null;
  if (detectedCode && (!declaredCode || (declaredCode !== detectedCode && sample.length >= 200 && !similar(declaredCode, detectedCode)))) {
    lang = detectedCode;
  }
  const dirDeclared = declaredDir?.trim().toLowerCase();
  if (dirDeclared === 'rtl' || dirDeclared === 'ltr') return { lang, dir: dirDeclared };
  if (!lang) return { lang, dir: null };
  return { lang, dir: RTL_LANGUAGES.has(primary(lang)) ? 'rtl' : 'ltr' };
}

function primary(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

// Languages detection confuses among themselves on short text; a declaration of one of them is kept.
const CLOSE = [['no', 'nb', 'nn', 'da', 'sv'], ['hr', 'sr', 'bs'], ['id', 'ms'], ['cs', 'sk'], ['zh', 'ja'], ['fa', 'ar', 'ur']];
function similar(a: string, b: string): boolean {
  return CLOSE.some((group) => group.includes(a) && group.includes(b));
}
