// Speed of entity extraction on 500-word English and Arabic news texts (warm: the gazetteer and
// compromise are loaded before timing), beside compromise alone reading the whole English text.
// Part of `npm run bench:stories -- speed`.
import nlp from 'compromise';
import { extractEntities } from '../../src/pipeline/stories/entities/index.js';

const ENGLISH_SENTENCES = [
  'Egyptian Foreign Minister Sameh Shoukry met his Jordanian counterpart in Cairo on Tuesday to discuss the truce.',
  'The United Nations Security Council is expected to vote on the resolution on 27 November, diplomats said.',
  'President Barack Obama told reporters in Washington that the United States would support the talks.',
  'Amnesty International said at least 40 people had been detained in Alexandria and Giza since the protests began.',
  'The World Health Organization warned that hospitals in the Gaza Strip were running out of fuel.',
  'Officials in Riyadh and Abu Dhabi declined to comment on the report published by Reuters.',
  'Shoukry said the agreement would be signed in Paris next month if both sides accepted the terms.',
  'Prices of wheat rose by 3 percent on Monday after the ministry announced new import rules.',
  'The Saudi Ministry of Health said vaccination campaigns would continue across the Eastern Province.',
  'Analysts at the International Monetary Fund expect growth of 4.2 percent in Egypt this year.',
];
const ARABIC_SENTENCES = [
  'التقى وزير الخارجية المصري نظيره الأردني في القاهرة يوم الثلاثاء لبحث الهدنة.',
  'ومن المتوقع أن يصوت مجلس الأمن على القرار في 27 نوفمبر الجاري بحسب دبلوماسيين.',
  'وقال الرئيس الأمريكي للصحفيين في واشنطن إن الولايات المتحدة ستدعم المحادثات.',
  'وأكدت منظمة العفو الدولية اعتقال ٤٠ شخصاً على الأقل في الإسكندرية والجيزة منذ بدء الاحتجاجات.',
  'وحذرت منظمة الصحة العالمية من أن مستشفيات قطاع غزة توشك أن تنفد من الوقود.',
  'ورفض مسؤولون في الرياض وأبوظبي التعليق على التقرير.',
  'وأوضح الوزير أن الاتفاق سيوقع في باريس في 3 كانون الأول المقبل إذا قبل الطرفان الشروط.',
  'وارتفعت أسعار القمح بنسبة 3 في المئة يوم الاثنين بعد إعلان الوزارة قواعد استيراد جديدة.',
  'وقالت وزارة الصحة السعودية إن حملات التطعيم ستستمر في المنطقة الشرقية.',
  'ويتوقع محللو صندوق النقد الدولي نمواً بنسبة 4.2 في المئة في مصر هذا العام.',
];

/** A text of about `words` words: the sentences in a rotating order, so articles differ. */
function article(sentences: string[], words: number, seed: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = seed; count < words; i += 3) {
    const sentence = sentences[i % sentences.length]!;
    out.push(sentence);
    count += sentence.split(/\s+/).length;
  }
  return out.join(' ');
}

export interface EntitySpeed {
  lang: 'en' | 'ar';
  words: number;
  /** Per second of this process's own CPU time: steadier than wall time on a shared machine. */
  articlesPerCpuSecond: number;
  /** compromise's people, organisations and places over the whole text (English only). */
  peerPerCpuSecond: number | null;
}

/** Articles per CPU-second of `extractEntities` on 500-word texts in each language. */
export function measureEntitySpeed(articles = 200): EntitySpeed[] {
  return [speedOf('en', ENGLISH_SENTENCES, articles), speedOf('ar', ARABIC_SENTENCES, articles)];
}

function speedOf(lang: 'en' | 'ar', sentences: string[], articles: number): EntitySpeed {
  const texts = Array.from({ length: articles }, (_, i) => article(sentences, 500, i));
  const published = new Date('2026-11-26T09:00:00Z');
  for (const text of texts.slice(0, 5)) extractEntities(text, { lang, published }); // warm up
  const ours = cpuRate(texts, (text) => extractEntities(text, { lang, published }));
  const peer =
    lang === 'en'
      ? cpuRate(texts, (text) => {
          const doc = nlp(text);
          doc.people().json();
          doc.organizations().json();
          doc.places().json();
        })
      : null;
  const words = Math.round(texts.reduce((sum, t) => sum + t.split(/\s+/).length, 0) / texts.length);
  return { lang, words, articlesPerCpuSecond: ours, peerPerCpuSecond: peer };
}

function cpuRate(texts: string[], run: (text: string) => unknown): number {
  const started = process.cpuUsage();
  for (const text of texts) run(text);
  const cpu = process.cpuUsage(started);
  return Math.round(texts.length / ((cpu.user + cpu.system) / 1e6));
}
