/**
 * Function words that say nothing about which story an article tells. Kept short on purpose:
 * rare-ish words ("said", "told") are left to inverse document frequency. The Arabic list is
 * in normalised form (see normaliseArabic): ة→ه, ى→ي, hamza-alef→ا.
 */
const ENGLISH = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves said says say told according also its it's s t would'nt
mr mrs ms new one two like get got just may might must shall us via per`;

const ARABIC = `في من على الي عن مع ان او ما لا لم لن هذا هذه ذلك تلك التي الذي الذين هو هي هم هن كان كانت يكون
تكون قد كما بعد قبل عند حتي اذا اذ كل بين ثم لقد اي وهو وهي وقد وفي ومن وعلي وان او ايضا حيث منذ خلال ضمن دون غير
له لها لهم به بها بهم فيه فيها منه منها عليه عليها اليه اليها وذلك وكان وكانت التى الى علي اما ام بل لكن ولكن وقال قال
واضاف اضاف واوضح اوضح واكد اكد مشيرا موضحا مؤكدا يا نحو عبر لدي لدى ذات سوف عام وفق وفقا`;

export const englishStopWords: ReadonlySet<string> = new Set(ENGLISH.split(/\s+/));
export const arabicStopWords: ReadonlySet<string> = new Set(ARABIC.split(/\s+/));

/** True for a function word of English or Arabic (normalised form expected). */
export function isStopWord(word: string): boolean {
  // Each list holds words of one script only: the first letter says which one to ask.
  return word.charCodeAt(0) < 0x80 ? englishStopWords.has(word) : arabicStopWords.has(word);
}
