import { SOURCE_LINE } from './cues.js';
import { dropAppeals } from './drop-appeals.js';
import { dropAuthorBoxes } from './drop-author-boxes.js';
import { leafBlocks, type LeafBlock } from './leaf-blocks.js';
import { TEXT_NODE, type DomElement, type DomNode } from '../input/dom.js';

/**
 * Headings that end an article and start what pages put after it: related stories, reading
 * tips, tags, sharing, comments. In the languages of Newsdesk's sources.
 */
const ENDS_ARTICLE = new RegExp(
  '^(' +
    [
      'related( articles| stories| posts| content| topics| news| links)?', 'read (more|also|next)', 'keep reading', 'more (from|on|about|in|stories|news)\\b.*', 'you (may|might) also like.*',
      'recommended( for you| stories)?', 'most (read|popular|viewed|shared)', 'popular (posts|stories|articles)', 'trending( now)?', 'share( this( article| story| post)?| on| via)?',
      'tags', 'topics', 'comments?', 'leave a (comment|reply)', 'related coverage', 'next (article|story|post)', 'previous (article|story|post)',
      'table of contents', 'inhaltsverzeichnis', 'sommaire', 'spis treści', 'quellen(angaben)?', 'vorschau auf den nächsten artikel', '(nächster|vorheriger) (artikel|beitrag)',
      // Comment forms invite the reader to write. (Comment counts are left alone: share bars in article headers show them too.)
      '(schreibe|hinterlasse|schreiben sie) einen kommentar', '(ihre|deine) meinung( ist gefragt)?',
      'join the (discussion|conversation)', '(laisser|laissez|écrire) un commentaire', '(deja|escribe) (un|tu) comentario', 'post a comment', 'add a comment', 'about the author', '(the )?authors?', 'autor(in|en)?', 'auteur', 'see also', 'siehe auch', 'further reading', 'advertisement', 'sponsored( content)?',
      'mehr zu[mr]? (thema|diesem thema)\\b.*', 'mehr (aus|von|zu|zum)\\b.*', 'auch interessant', '(das|diese artikel) könnten? (sie|dich|euch) (auch|ebenfalls) interessieren',
      'lesen sie (auch|mehr|hier|weiter)\\b.*', 'weitere (artikel|themen|beiträge|informationen|nachrichten|meldungen|links|news|tipps|tourentipps)\\b.*',
      'weiterführende (informationen|links|inhalte)', '(ähnliche|verwandte|passende) (artikel|beiträge|themen|nachrichten)', 'schlagw(o|ö)rte?r?', 'stichw(o|ö)rte?r?', 'themen',
      'kommentare?( schreiben)?', 'kommentieren', '(diese seite |artikel |beitrag )?teilen', 'neueste (artikel|beiträge|nachrichten)', '(die )?meistgelesenen?( artikel| beiträge)?\\b.*', 'anzeige',
      'zum thema', 'passend (dazu|zum thema)', 'das thema könnte (sie|dich) auch interessieren', 'schon gelesen', 'lesetipps?', 'mehr themen', '(zum )?weiterlesen', 'top[- ]themen( der redaktion)?',
      'aktuellste (beiträge|artikel|nachrichten)', 'entdecke weitere\\b.*', 'lust auf mehr', 'über den autor', 'über die autorin', 'ezek is érdekelhetnek', 'das könnte (sie|dich) auch interessieren', 'empfehlungen( der redaktion)?',
      '(à )?lire aussi', 'sur le même (sujet|thème)', '(audios?|vid[eé]os?)( (und|and|et|y) (audios?|vid[eé]os?))? (zum thema|on the topic|sur le (même )?sujet|sobre el tema)', 'articles? (similaires|liés)', 'voir aussi', 'partager( cet article)?', 'dans la même rubrique',
      'temas relacionados', 'noticias relacionadas', 'notas relacionadas', '(le |te )?puede interesar', 'ver también', 'contenido relacionado', 'lee (también|más)', 'te puede interesar', 'más noticias\\b.*', 'compartir', 'etiquetas', 'también te puede interesar',
      'czytaj (też|także|więcej)', 'zobacz (też|także)', 'powiązane( artykuły)?', 'lue (myös|aiheesta lisää)', 'leggi anche', 'articoli correlati', 'lees ook',
      'gerelateerde artikelen', 'leia (também|mais)', 'notícias relacionadas', 'اقرأ أيضا', 'اقرأ أيضاً', 'مواضيع ذات صلة', 'أخبار ذات صلة',
    ].join('|') +
    // A count may follow ("Kommentare (3)").
    ')(\\s*\\(\\d+\\))?\\s*[:.…»>?]*$',
  'iu',
);
/** A one-line pointer to another article inside the text ("Lesen Sie auch: ..."). */
const POINTER = /^(lesen sie (auch|mehr)|mehr zum thema|auch interessant|siehe auch|(zum )?weiterlesen|mehr lesen|auch lesen|lies auch|read (more|also|next)|also read|lea (también|más)|lea|lee|mira|puedes ver|vea también|ver también|(le |te )?puede interesar|veja (também|mais)|leia (também|mais)|see also|related|czytaj (też|także|więcej)|zobacz (też|także)|(à )?lire aussi|lee también|leggi anche|leia também|lue myös|اقرأ أيضا)\s*[:>»-]/iu;

/** Picture captions and credits written as text ("Foto: dpa", "Abbildung 5: ...", "© Reuters"). */
const CAPTION = /^(fotos?|photos?|bilder?|titelbild|abbildung|abb\.|image|illustration|grafik|credit|crédit|©|\(c\))\s*(\d+\s*)?[:©]|^©|(^|\s)(fotos?|photos?|bild|image|credit|crédit)\s*:\s*[^.!?]{1,60}$/iu;
/** A caption ends with its picture's credit: "(Foto: Getty)", "© Agency/Name". */
const ENDS_WITH_CREDIT = /([([](fotos?|photos?|bild|image|credit|crédit|quelle)\s*:[^)\]]{1,60}[)\]]|©\s*[^.!?©]{1,60})$/iu;

/**
 * Cuts the article where a heading announces what follows it (past the middle of the text,
 * everything from there on goes), drops one-line pointers to other articles and appeals to the
 * reader (subscriptions, support, comment rules), then trims the edges.
 */
export function cutRelated(roots: DomElement[]): string[] {
  cutAtRelatedHeading(roots);
  dropAuthorBoxes(roots);
  dropAppeals(roots);
  return trimEdges(roots);
}

const SENTENCE_END = /[.!?…:;"“”»«)\]。！？]$/u;
const BYLINE = /^(by|von|par|por|door|di|av|posted|veröffentlicht|publié|publicado|stand|aktualisiert|updated)\b/iu;
/** A whole date: "31. Mai 2012", "23.10.2018", "May 3, 2013", "2013-05-03". */
const FULL_DATE = /\b\d{1,2}\.\s?\d{1,2}\.\s?(19|20)?\d{2}\b|\b\d{1,2}\.?\s+\p{L}{3,}\.?\s+(19|20)\d{2}\b|\b\p{L}{3,}\.?\s+\d{1,2},?\s+(19|20)\d{2}\b|\b(19|20)\d{2}-\d{2}-\d{2}\b/u;
const BYLINE_OR_DATE = new RegExp(`${BYLINE.source}|\\b(19|20)\\d{2}\\b|\\d{1,2}[.:]\\d{2}`, 'iu');

/**
 * Trims the article's edges: fragments after its last sentence (share rows, tag names,
 * "Advertisement") and datelines, bylines and other fragments before its first text block.
 * Answers the trailing fragments removed, which may still name a source ("Source: Reuters").
 */
function trimEdges(roots: DomElement[]): string[] {
  const blocks = leafBlocks(roots).filter((b) => !roots.includes(b.element));
  const trailing: string[] = [];
  for (let i = blocks.length - 1; i > 0; i--) {
    const text = blocks[i]!.text;
    const headline = text.length < 150 && !SENTENCE_END.test(text) && isAllLinked(blocks[i]!);
    // A closing "Source: …" line credits the text (the caller keeps it for the credits) but is not of it.
    const sourceLine = text.length < 150 && SOURCE_LINE.test(text);
    if (!headline && !sourceLine && (text.length >= 60 || SENTENCE_END.test(text) || ['li', 'td', 'dd', 'pre'].includes(blocks[i]!.element.localName))) break;
    if (textFollows(blocks[i]!.element, roots)) break;
    blocks[i]!.element.remove();
    trailing.unshift(text);
  }
  // The last block is never trimmed from the front: a page of one short line keeps it.
  let afterHeading = false;
  for (const block of blocks.slice(0, Math.min(3, blocks.length - 1))) {
    // The headline stays, and a dateline or byline under it still goes.
    if (/^h[1-6]$/.test(block.element.localName) && !afterHeading) {
      afterHeading = true;
      continue;
    }
    const meta = afterHeading ? BYLINE.test(block.text) || FULL_DATE.test(block.text) : BYLINE_OR_DATE.test(block.text) || isLeadingFragment(block);
    if (block.text.length >= 80 || !meta) break;
    block.element.remove();
  }
  return trailing;
}

/**
 * Whether text that is no block of its own comes after the element: a post written as text
 * between <br>s, with a link or a subheading in it, goes on after them.
 */
function textFollows(element: DomElement, roots: DomElement[]): boolean {
  for (let node: DomNode = element; !roots.includes(node as DomElement) && node.parentNode; node = node.parentNode) {
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      if (next.nodeType === TEXT_NODE && (next.textContent ?? '').trim().length > 2) return true;
    }
  }
  return false;
}

/** Whether all of a block's text is link text: a headline pointing to another article. */
function isAllLinked(block: LeafBlock): boolean {
  return linkedLength(block.element) >= block.text.length * 0.95;
}

/** Characters of an element's text inside its links, spaces collapsed. */
function linkedLength(element: DomElement): number {
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) linked += (link.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return linked;
}

/**
 * A few words that are no sentence, before the text starts: a back link, a kicker, a photo credit,
 * an author's name. Headings are kept (the caller stops at them), and list items and cells are text.
 */
function isLeadingFragment(block: LeafBlock): boolean {
  return block.text.length < 40 && !SENTENCE_END.test(block.text) && !['li', 'td', 'dd'].includes(block.element.localName);
}

function cutAtRelatedHeading(roots: DomElement[]): void {
  const blocks = leafBlocks(roots);
  const total = blocks.reduce((sum, b) => sum + b.text.length, 0);
  let offset = 0;
  for (const block of blocks) {
    const text = block.text;
    if (roots.includes(block.element)) continue;
    if (text.length <= 80 && ENDS_ARTICLE.test(text)) {
      if (offset >= total * 0.5 && !(READING_TIP.test(text) && proseFollows(block.element))) {
        removeFrom(block.element, roots);
        return;
      }
      block.element.remove();
    } else if ((text.length <= 160 && POINTER.test(text)) || (text.length <= 300 && (CAPTION.test(text) || ENDS_WITH_CREDIT.test(text)))) {
      block.element.remove();
    }
    offset += text.length;
  }
}

/** Headings that point to other reading: inside a story they introduce one link, not the end of the text. */
const READING_TIP = /^(read (more|also|next)|see also|siehe auch|more (from|on|about)\b|also read|lesen sie|lesetipp|lies auch|mehr zu|auch interessant|zum thema|passend|lue|(à )?lire aussi|voir aussi|lee|lea|leia|veja|czytaj|zobacz|leggi|lees ook|اقرأ)/iu;

/** A paragraph this long, nearly free of links, is the story's own text rather than a teaser's summary. */
const STORY_PARAGRAPH = 150;

/**
 * Whether the story's paragraphs go on after a heading, beside it in the same container: then the
 * heading points to one other article from inside the text ("Read also:" and a link) and does not
 * end it. What pages put after an article sits in containers of its own.
 */
function proseFollows(heading: DomElement): boolean {
  for (let next = heading.nextElementSibling; next; next = next.nextElementSibling) {
    if (next.localName !== 'p') continue;
    const text = (next.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length >= STORY_PARAGRAPH && linkedLength(next) < text.length * 0.1) return true;
  }
  return false;
}

/** Removes the element and everything after it in document order, up to the article's roots. */
function removeFrom(element: DomElement, roots: DomElement[]): void {
  let node: DomNode = element;
  while (!roots.includes(node as DomElement) && node.parentNode) {
    while (node.nextSibling) node.nextSibling.remove();
    node = node.parentNode;
  }
  const rootIndex = roots.indexOf(node as DomElement);
  for (const later of roots.slice(rootIndex + 1)) later.remove();
  if (rootIndex >= 0) roots.splice(rootIndex + 1);
  element.remove();
}
