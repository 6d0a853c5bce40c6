import { leafBlocks } from './leaf-blocks.js';
import type { DomElement } from '../input/dom.js';

/**
 * Sentences that speak to the reader about the site rather than the story: subscriptions and
 * newsletters, requests for support, invitations to follow the site or install its app, comment
 * rules and forms, log-in prompts, licence, copyright and imprint lines. Pages put them after the
 * story, often inside the element that holds it. Phrases, not single words, so that a story about
 * newsletters stays. Matched against lower-cased text without the `i` flag: case-insensitive matching
 * of this many alternatives is several times slower in V8's regular expressions.
 */
const APPEAL = new RegExp(
  [
    '\\bsubscri(be|ption|bers?)\\b', '\\bnewsletter', '\\babonnier(en|e) (sie|jetzt|unser|das)', 'jetzt abonnieren', 'suscr[ií]bete', 'hazte (miembro|socio)',
    'support (our|independent|quality|local) (journalism|work|reporting|news)', 'unterstütze(n sie)? (unsere|uns|diese|das|den|die)\\b', 'jetzt unterstützen',
    'ihr beitrag hilft', 'periodismo (independiente|incómodo|desde)', 'werden sie mitglied', 'zeig(en sie|e) (ihre|deine) wertschätzung', 'we need your help',
    'help us (continue|keep)', 'consider supporting', 'spenden sie', 'sie lesen gern', 'gefällt (dir|ihnen) unser', 'artikel gefallen\\?', 'vergiss nicht zu teilen',
    '\\bsign up\\b', '\\bim abo\\b', '\\be-paper\\b', 'lesen oder verschenken', 'pour lire la suite', 'créez votre compte', 'subskrypcj', 'bezahlschranke', '\\bpaywall\\b',
    // Paywall prompts that stay under a story's first paragraphs.
    'möchten sie (weiterlesen|weiter lesen|den ganzen artikel)', 'ich bin abonnent', '\\babonnent(in)?\\b', '(ein|kein|zum|ihr) abo\\b', 'voulez-vous lire la suite', 'continue reading (this|with)',
    'kennt ihr schon', 'noch mehr infos', 'canal de youtube', 'rss-feed',
    'follow (us|the \\w+) on', 'folgen? (sie )?uns', 's[ií]guenos', 'siga-nos', 'únete', '\\btelegram\\b', '\\bwhatsapp\\b', 'download (the|our)\\b.*\\bapps?\\b',
    'comments are moderated', 'comment policy', 'netiquette', 'kommentare (vor der|werden)', 'e-mail-adresse wird nicht veröffentlicht', 'erforderliche felder',
    '\\(wird benötigt', 'mit (dem )?absenden', 'willige ich', 'kontaktformular', '\\bimpressum\\b', '\\bdatenschutz\\b',
    '\\bcreative commons\\b', '\\bdisclaimer\\b', 'keine haftung', 'permalien', 'permalink', 'suggested citation', 'powered by',
    'all rights reserved', 'alle rechte vorbehalten', 'wszelkie prawa zastrzeżone', '©', 'vervielfältigung nur', 'externer inhalt',
    'artikel (mit anderen )?teilen',
    'we use cookies', 'wir (verwenden|nutzen) cookies', 'was sind cookies', 'korzystamy z (plików )?cookies', 'utilizamos cookies', 'nous utilisons des cookies',
    'privacy policy', 'wir respektieren (deine|ihre) privatsphäre',
    'jede (kleine )?spende', 'jetzt spenden', 'valora esta noticia',
    'keine kommentare', 'kommentare erscheinen', 'um kommentare zu schreiben', 'comments are (civil|welcome)', 'reader comments', '^comment by\\b', 'letters? to the editor',
    'this entry was posted in', 'dieser eintrag wurde (am )?veröffentlicht', 'straight to your (phone|inbox)',
    'klicken sie auf den (unteren )?button', 'von insgesamt \\d+', '\\bshowing \\d+ (to|-|–) \\d+ of\\b',
    // Error messages of the page's software.
    '\\b(warning|notice|deprecated|fatal error): .+ (in|on line) ',
    '\\blog ?in\\b', '\\bsign in\\b', 'eingeloggt', 'registrieren sie sich',
  ].join('|'),
  'u',
);

/**
 * Advertising and affiliate disclosures, disclaimers: whatever their place (they open many reviews,
 * guides and guest posts), they are about the site's business, never the story's text.
 */
const DISCLOSURE = new RegExp(
  [
    'affiliate[- ]links?', 'enthält (werbung|affiliate)', 'advertis(ing|er) disclosure', '\\bour advertisers\\b', 'erhält .{0,40}\\bprovision\\b',
    'we (may )?(earn|receive) (a )?(commission|compensation)', 'liens? affiliés?', 'enlaces? de afiliad',
    // Disclaimers: who answers for the text, and that its facts come without warranty.
    'ohne gewähr', 'not responsible for the (opinions|content|views)', 'the views expressed (here|in this)', "n'engagent que (leurs|son|ses) auteur",
    'handelt es sich um einen? (blog|gastbeitrag|beitrag) (aus|der|des)',
  ].join('|'),
  'u',
);

/** Longer blocks are taken to be the story's own text even when they mention a newsletter. */
const MAX_LENGTH = 300;
/** Not in the first part of the text: there, an appeal is rarer than a story that mentions one. */
const FROM_SHARE = 0.3;

/** Removes short appeals to the reader from the later part of the article, and disclosures from all of it. */
export function dropAppeals(roots: DomElement[]): void {
  const blocks = leafBlocks(roots).filter((b) => !roots.includes(b.element));
  let total = 0;
  for (const block of blocks) total += block.text.length;
  let offset = 0;
  for (const block of blocks) {
    const share = offset / Math.max(1, total);
    offset += block.text.length;
    if (block.text.length > MAX_LENGTH) continue;
    const lowerCased = block.text.toLowerCase();
    if (DISCLOSURE.test(lowerCased) || (share >= FROM_SHARE && APPEAL.test(lowerCased))) block.element.remove();
  }
}
