/**
 * Synthetic articles for speed measurements: a Zipf-distributed background vocabulary plus,
 * per event, its own names and words, so articles about one event resemble each other the
 * way real coverage does. Deterministic for a given seed.
 */
export interface SyntheticArticle {
  id: string;
  title: string;
  text: string;
  event: number;
  published: string;
}

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syllableWord(random: () => number, capital: boolean): string {
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ra',
    'te',
    'su',
    'an',
    'vo',
    'ri',
    'del',
    'mar',
    'tis',
    'ne',
    'bru',
    'gal',
    'pen',
    'hor',
    'zu',
  ];
  let word = '';
  const n = 2 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) word += syllables[Math.floor(random() * syllables.length)];
  return capital ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** Articles of `events` events, `wordsPerArticle` words each, in arrival order (events overlap in time). */
export function syntheticArticles(count: number, wordsPerArticle: number, seed = 7): SyntheticArticle[] {
  const random = generator(seed);
  const vocabulary = Array.from({ length: 30_000 }, () => syllableWord(random, false));
  const zipf = () =>
    vocabulary[
      Math.min(vocabulary.length - 1, Math.floor(Math.exp(random() * Math.log(vocabulary.length))) - 1)
    ]!;
  const events = Math.max(1, Math.floor(count / 5));
  const eventWords = new Map<number, string[]>();
  const start = Date.parse('2026-01-01T00:00:00Z');
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const event = Math.min(events - 1, Math.floor((i / count) * events + (random() - 0.5) * 4));
    const eventIndex = Math.max(0, event);
    let own = eventWords.get(eventIndex);
    if (!own) {
      own = [
        ...Array.from({ length: 6 }, () => syllableWord(random, true)),
        ...Array.from({ length: 20 }, () => syllableWord(random, false)),
      ];
      eventWords.set(eventIndex, own);
      if (eventWords.size > 2000) eventWords.delete(eventWords.keys().next().value!);
    }
    const words: string[] = [];
    for (let w = 0; w < wordsPerArticle; w++)
      words.push(random() < 0.15 ? own[Math.floor(random() * own.length)]! : zipf());
    const sentences: string[] = [];
    for (let w = 0; w < words.length; w += 15) sentences.push(words.slice(w, w + 15).join(' ') + '.');
    out.push({
      id: `a${i}`,
      title: own.slice(0, 3).join(' ') + ' ' + zipf(),
      text: sentences.join(' '),
      event: eventIndex,
      published: new Date(start + i * 6_000).toISOString(),
    });
  }
  return out;
}
