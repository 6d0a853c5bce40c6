/**
 * A person as a display name. RSS writes `jo@example.org (Jo Doe)`, others `Jo Doe <jo@example.org>`;
 * the name is kept, or the address when there is nothing else.
 */
export function personName(text: string | null | undefined): string | null {
  if (!text) return null;
  const value = text.replace(/\s+/g, ' ').trim();
  if (value === '') return null;
  const parenthesised = /^\S+@\S+\s*\((.+)\)$/.exec(value);
  if (parenthesised) return (parenthesised[1] as string).trim();
  const trailing = /^(.+?)\s*\(\s*\S+@\S+\s*\)$/.exec(value);
  if (trailing) return (trailing[1] as string).trim();
  const angled = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(value);
  if (angled) return (angled[1] as string).replace(/^"|"$/g, '').trim();
  return value;
}

/** Distinct non-empty strings, first spelling kept, in order. */
export function distinct(values: Array<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    if (!value) continue;
    const key = value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(value);
  }
  return result;
}
