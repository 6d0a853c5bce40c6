/** Windows-1252 characters at 0x80–0x9F, where Latin-1 has invisible C1 controls. */
const C1_AS_WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The character a feed meant by code 0x80–0x9F (curly quotes, dashes, euro sign). */
export function windows1252Character(code: number): string {
  return C1_AS_WINDOWS_1252[code - 0x80] as string;
}
