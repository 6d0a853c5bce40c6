/** A language as a BCP 47 tag: `en_US` (a common misspelling) becomes `en-US`; empty is null. */
export function languageTag(value: string | null | undefined): string | null {
  const tag = value?.trim().replace(/_/g, '-');
  return tag ? tag : null;
}
