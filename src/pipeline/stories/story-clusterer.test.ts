import { describe, expect, it } from 'vitest';
import { readStoryFixture } from '../../../test/fixtures/stories/read-fixture.js';
import { StoryClusterer } from './story-clusterer.js';

interface Fixture {
  doc: string;
  cluster: string;
  text: string;
}

// ECB+ (CC BY 3.0): two rehab stories (Tara Reid, Lindsay Lohan) and two prisoner stories.
const docs = readStoryFixture('ecbplus-topics-1-3.jsonl')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Fixture);

// ECB+ topic 12 (CC BY 3.0) in the benchmark's order: two pirate attacks foiled by the Indian Navy in
// the Gulf of Aden, three years apart, whose reports grow into one story before a split.
const pirates = readStoryFixture('ecbplus-topic-12.jsonl')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Fixture);

/** How many of the story's articles belong to the event most of them belong to, per story. */
function purity(order: Fixture[], storyOf: (doc: string) => string | undefined): number {
  const counts = new Map<string, Map<string, number>>();
  for (const d of order) {
    const story = storyOf(d.doc)!;
    const byCluster = counts.get(story) ?? new Map<string, number>();
    byCluster.set(d.cluster, (byCluster.get(d.cluster) ?? 0) + 1);
    counts.set(story, byCluster);
  }
  let majority = 0;
  for (const byCluster of counts.values()) majority += Math.max(...byCluster.values());
  return majority / order.length;
}

function storiesOf(order: Fixture[]): Map<string, string> {
  const clusterer = new StoryClusterer();
  return new Map(order.map((d) => [d.doc, clusterer.add({ id: d.doc, text: d.text }).story]));
}

describe('StoryClusterer', () => {
  it('keeps two events of the same kind in different stories', () => {
    const stories = storiesOf(docs);
    for (const a of docs) {
      for (const b of docs) {
        if (a.cluster.split('_')[0] === b.cluster.split('_')[0] && a.cluster !== b.cluster) {
          expect(stories.get(a.doc), `${a.doc} vs ${b.doc}`).not.toBe(stories.get(b.doc));
        }
      }
    }
  });

  it('groups most of the coverage of one event into one story', () => {
    const stories = storiesOf(docs);
    for (const cluster of ['1_ecb', '1_ecbplus']) {
      const members = docs.filter((d) => d.cluster === cluster).map((d) => stories.get(d.doc)!);
      const largest = Math.max(...members.map((s) => members.filter((m) => m === s).length));
      expect(largest, cluster).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps apart two stories of one kind whose leads name different people', () => {
    const clusterer = new StoryClusterer();
    const place = (id: string, text: string) => clusterer.add({ id, text }).story;
    const jackman = place(
      'a',
      'The organisers of the Academy Awards said on Friday that Hugh Jackman will host the ceremony in Los Angeles. ' +
        'Producers of the Oscars telecast praised Jackman as a host who can carry the show with song and dance.',
    );
    expect(
      place(
        'b',
        'Hugh Jackman is to host the Oscars, the academy announced, betting that the song-and-dance actor can lift ' +
          'the ratings of the Academy Awards ceremony in Los Angeles. The producers called Jackman a natural.',
      ),
    ).toBe(jackman);
    const degeneres = place(
      'c',
      'Ellen DeGeneres will host the Academy Awards ceremony in Los Angeles, the organisers said, and the producers ' +
        'of the Oscars telecast praised DeGeneres as a host who can carry the show.',
    );
    expect(degeneres).not.toBe(jackman);
    expect(
      place(
        'd',
        'The academy picked Ellen DeGeneres to host the Oscars again: the producers say DeGeneres can ' +
          'carry the Academy Awards ceremony in Los Angeles.',
      ),
    ).toBe(degeneres);
  });

  it('reads the person a lead names after a title, and keeps apart two events led by different people', () => {
    const clusterer = new StoryClusterer();
    const place = (id: string, text: string) => clusterer.add({ id, text }).story;
    const kempthorne = place(
      'a',
      'Interior Secretary Dirk Kempthorne changed the rules of the Endangered Species Act on Thursday, letting ' +
        'federal agencies decide without wildlife scientists whether dams and highways harm endangered animals, ' +
        'Kempthorne said.',
    );
    expect(
      place(
        'b',
        'Federal agencies may now decide without wildlife scientists whether highways and dams harm endangered ' +
          'animals: Interior Secretary Dirk Kempthorne changed the Endangered Species Act rules on Thursday. ' +
          'Kempthorne called it a fix.',
      ),
    ).toBe(kempthorne);
    const salazar = place(
      'c',
      'Interior Secretary Ken Salazar restored the rules of the Endangered Species Act on Tuesday: federal ' +
        'agencies may no longer decide without wildlife scientists whether dams and highways harm endangered animals, ' +
        'Salazar said.',
    );
    expect(salazar).not.toBe(kempthorne);
    expect(
      place(
        'd',
        'Wildlife scientists must again review whether highways and dams harm endangered animals, Interior ' +
          'Secretary Ken Salazar said on Tuesday, restoring the Endangered Species Act rules for federal agencies. ' +
          'Salazar signed the order.',
      ),
    ).toBe(salazar);
  });

  it("keeps apart two events of one kind whose texts name each other's person in passing", () => {
    const clusterer = new StoryClusterer();
    const place = (id: string, text: string) => clusterer.add({ id, text }).story;
    const bush = place(
      'a',
      'The New Orleans Saints placed running back Reggie Bush on injured reserve on Wednesday with a sprained ' +
        'knee, and Bush will miss the last two games, the team said. Pierre Thomas will carry the running game.',
    );
    expect(
      place(
        'b',
        'Running back Reggie Bush is out for the season: the New Orleans Saints put Bush on injured reserve with a ' +
          'sprained knee on Wednesday, the team said. The Saints will lean on Pierre Thomas.',
      ),
    ).toBe(bush);
    const thomas = place(
      'c',
      'The New Orleans Saints placed running back Pierre Thomas on injured reserve on Wednesday with a sprained ' +
        'ankle, and Thomas will miss the playoffs, the team said. Thomas joins Reggie Bush, lost last season.',
    );
    expect(thomas).not.toBe(bush);
    expect(
      place(
        'd',
        'Running back Pierre Thomas is out for the playoffs: the New Orleans Saints put Thomas on injured reserve ' +
          'with a sprained ankle on Wednesday, the team said.',
      ),
    ).toBe(thomas);
  });

  it('lets an article about the person a story is about join it on less similarity', () => {
    const clusterer = new StoryClusterer({ joinThreshold: 0.9, subjectJoinThreshold: 0.1 });
    const place = (id: string, text: string) => clusterer.add({ id, text }).story;
    const bush = place(
      'a',
      'The New Orleans Saints placed running back Reggie Bush on injured reserve on Wednesday with a sprained ' +
        'knee, and Bush will miss the last two games, the team said.',
    );
    expect(
      place(
        'b',
        'Doctors expect Reggie Bush to need surgery on the knee, and Bush hopes to be ready for training camp, ' +
          'his agent said on Thursday.',
      ),
    ).toBe(bush);
    expect(
      place(
        'c',
        'The New Orleans Saints placed running back Pierre Thomas on injured reserve on Wednesday with a sprained ' +
          'ankle, and Thomas will miss the playoffs, the team said.',
      ),
    ).toBe('c');
    expect(
      place(
        'd',
        'A sprained knee ends the season of a New Orleans running back: the Saints put him on injured reserve, ' +
          'and he misses the final two games.',
      ),
    ).toBe('d');
  });

  it('keeps apart two deaths of one kind whose leads state different ages', () => {
    const clusterer = new StoryClusterer();
    const place = (id: string, text: string) => clusterer.add({ id, text }).story;
    const first = place(
      'a',
      'The former FBI official at the heart of the Watergate scandal, the secret source known as Deep Throat, ' +
        'has died at his home in California. He was 95. Reporters of the Washington Post said he helped bring down Nixon.',
    );
    expect(
      place(
        'b',
        'Deep Throat, the former FBI official whose secret help to the Washington Post exposed the Watergate ' +
          'scandal, died on Thursday at 95 at his home in California, his family said. Nixon resigned in 1974.',
      ),
    ).toBe(first);
    const second = place(
      'c',
      'A former Nixon aide at the heart of the Watergate scandal, once rumoured to be Deep Throat, has died at ' +
        'his home. He was 75. Reporters of the Washington Post said he helped the FBI in California.',
    );
    expect(second).not.toBe(first);
    expect(
      place(
        'd',
        'The Nixon aide once rumoured to be Deep Throat in the Watergate scandal died at 75, the Washington Post ' +
          'reported; the FBI had questioned him in California.',
      ),
    ).toBe(second);
  });

  it('reads the age a lead gives after a full name ("Mark Felt was 95.")', () => {
    const clusterer = new StoryClusterer();
    const place = (id: string, text: string) => clusterer.add({ id, text }).story;
    const first = place(
      'a',
      'The secret Watergate source known as Deep Throat, a former FBI official, has died at his home in ' +
        'California. Mark Felt was 95. Reporters of the Washington Post said he helped bring down Nixon.',
    );
    expect(
      place(
        'b',
        'Deep Throat, the former FBI official whose secret help to the Washington Post exposed the Watergate ' +
          'scandal, has died at his home in California. Mark Felt was 95. Nixon resigned in 1974.',
      ),
    ).toBe(first);
    const second = place(
      'c',
      'A former Nixon aide at the heart of the Watergate scandal, once rumoured to be Deep Throat, has died at ' +
        'his home in California. Fred LaRue was 75. Reporters of the Washington Post said he helped the FBI.',
    );
    expect(second).not.toBe(first);
  });

  it('gives the same answers when the same articles are fed again', () => {
    const first = storiesOf(docs);
    expect(storiesOf(docs)).toEqual(first);
  });

  it('joins a later article about the same event by title and text, and reports shared terms', () => {
    const clusterer = new StoryClusterer();
    const base = docs.find((d) => d.cluster === '1_ecbplus')!;
    clusterer.add({ id: 'first', text: base.text, published: '2013-05-03T10:00:00Z' });
    const follow = clusterer.add({
      id: 'follow',
      title: 'Lindsay Lohan starts 90-day stay at Betty Ford Center',
      text: 'Lindsay Lohan checked into the Betty Ford Center on Thursday to begin the 90-day court-mandated rehab stay after her probation violation in the reckless driving case, her lawyer Shawn Holley said.',
      published: '2013-05-03T18:00:00Z',
    });
    expect(follow.story).toBe('first');
    expect(follow.evidence.sharedTerms).toContain('lohan');
  });

  it('opens a new story when months separate two articles about similar events', () => {
    const clusterer = new StoryClusterer();
    const lohan = docs.filter((d) => d.cluster === '1_ecbplus');
    clusterer.add({ id: 'old', text: lohan[0]!.text, published: '2026-01-01T00:00:00Z' });
    for (let i = 0; i < 300; i++)
      clusterer.add({
        id: `filler${i}`,
        text: `filler article number ${i} about topic${i} and subject${i} with words${i}`,
        published: '2026-03-01T00:00:00Z',
      });
    expect(clusterer.add({ id: 'new', text: lohan[1]!.text, published: '2026-03-01T01:00:00Z' }).story).toBe(
      'new',
    );
  });
});

describe('StoryClusterer splitting a story grown from two events', () => {
  it('without splits, the two pirate attacks end in one story (the case the split is for)', () => {
    const clusterer = new StoryClusterer({ splits: false });
    for (const d of pirates) clusterer.add({ id: d.doc, text: d.text });
    expect(purity(pirates, (doc) => clusterer.storyOf(doc))).toBeLessThan(0.7);
  });

  it('splits them apart, reports every article it moved, and sends later reports to the right part', () => {
    const clusterer = new StoryClusterer();
    const placedAt = new Map<string, string>();
    for (const d of pirates) {
      const answer = clusterer.add({ id: d.doc, text: d.text });
      placedAt.set(d.doc, answer.story);
      for (const move of answer.moved ?? []) placedAt.set(move.id, move.story);
    }
    expect(purity(pirates, (doc) => clusterer.storyOf(doc))).toBeGreaterThan(0.95);
    // The answers and the moves, applied in order, leave every article where the clusterer has it.
    for (const d of pirates) expect(placedAt.get(d.doc), d.doc).toBe(clusterer.storyOf(d.doc));
    // A split-off story is named after its first article, like any story.
    for (const story of new Set(placedAt.values())) expect(placedAt.get(story)).toBe(story);
    const sukanya = pirates.filter((d) => d.cluster === '12_ecbplus');
    const last = sukanya[sukanya.length - 1]!;
    expect(clusterer.storyOf(last.doc)).toBe(clusterer.storyOf(sukanya[0]!.doc));
  });

  it('splits the same way when the same articles are fed again', () => {
    const run = () => {
      const clusterer = new StoryClusterer();
      return pirates.map((d) => {
        const answer = clusterer.add({ id: d.doc, text: d.text });
        return [answer.story, answer.moved ?? []];
      });
    };
    expect(run()).toEqual(run());
  });
});

describe('StoryClusterer and wire datelines', () => {
  it('keeps apart unrelated wire stories filed under the same dated first line', () => {
    // The Saudi Press Agency heads every story with its place, the day in two calendars and its name.
    const dateline = 'الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس  ';
    const texts = [
      'هطلت أمطار غزيرة على مركز الشبحة بمحافظة أملج وسالت الأودية وحذر الدفاع المدني السكان من الاقتراب من مجاري السيول والأودية.',
      'التقى وزير الخارجية اللبناني رئيس برلمان الباراغواي في بيروت وبحثا العلاقات الثنائية بين البلدين وسبل تعزيزها في المجالات كافة.',
      'أغلقت البورصة الفلسطينية تداولاتها اليومية على ارتفاع طفيف وسط تداولات محدودة شملت أسهم شركات البنوك والاتصالات والصناعة.',
      'عبرت المجرى الملاحي لقناة السويس اليوم سفن تجارية وناقلات نفط وحاويات في الاتجاهين بحمولات إجمالية كبيرة وفق هيئة القناة.',
    ];
    const clusterer = new StoryClusterer();
    const stories = texts.map(
      (text, i) => clusterer.add({ id: `spa-${i}`, text: dateline + text, lang: 'ar' }).story,
    );
    expect(new Set(stories).size).toBe(texts.length);
  });
});

describe('StoryClusterer on bad input', () => {
  it('gives empty, one-word and symbol-only texts their own story and never merges them', () => {
    const clusterer = new StoryClusterer();
    const inputs = ['', '', 'Breaking', 'Breaking', '!!! ???', '   '];
    const results = inputs.map((text, i) => clusterer.add({ id: `n${i}`, text }));
    expect(new Set(results.map((r) => r.story)).size).toBe(inputs.length);
    expect(results.every((r) => r.duplicateOf === undefined)).toBe(true);
  });

  it('handles an enormous text in bounded time', () => {
    const clusterer = new StoryClusterer();
    const huge = 'The quick brown fox jumps over the lazy dog near Riverside Park. '.repeat(200_000);
    const started = Date.now();
    const result = clusterer.add({ id: 'huge', text: huge });
    expect(result.story).toBe('huge');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('accepts texts in scripts without special rules, and articles without or with broken dates', () => {
    const clusterer = new StoryClusterer();
    const japanese = '東京で大きな地震があり、多くの建物が被害を受けました。政府は被害の状況を調べています。';
    const a = clusterer.add({ id: 'ja1', text: japanese, published: 'not a date' });
    const b = clusterer.add({ id: 'ja2', text: japanese });
    expect(a.story).toBe('ja1');
    expect(b.duplicateOf).toBe('ja1');
  });

  it('clusters Arabic articles about one event and keeps another apart', () => {
    const clusterer = new StoryClusterer();
    const first = clusterer.add({
      id: 'ar1',
      title: 'زلزال بقوة 6 درجات يضرب مدينة تبريز',
      text: 'ضرب زلزال بقوة 6 درجات مدينة تبريز شمال غرب ايران صباح الثلاثاء واسفر عن مقتل 12 شخصا واصابة 300 اخرين وفق هيئة الهلال الاحمر الايرانية التي ارسلت فرق الانقاذ الى القرى المتضررة',
    });
    const second = clusterer.add({
      id: 'ar2',
      title: 'ارتفاع ضحايا زلزال تبريز الى 12 قتيلا',
      text: 'ارتفع عدد ضحايا الزلزال الذي ضرب مدينة تبريز في ايران الى 12 قتيلا و300 مصاب بحسب الهلال الأحمر الإيراني الذي يواصل عمليات الانقاذ في القرى المتضررة شمال غرب البلاد',
    });
    const other = clusterer.add({
      id: 'ar3',
      title: 'زلزال بقوة 5 درجات يضرب جزيرة كريت',
      text: 'ضرب زلزال بقوة 5 درجات جزيرة كريت اليونانية مساء الجمعة دون ان يسفر عن اصابات وفق معهد الجيوديناميكا في اثينا الذي قال ان مركزه كان في البحر جنوب الجزيرة',
    });
    expect(first.story).toBe('ar1');
    expect(second.story).toBe('ar1');
    expect(other.story).toBe('ar3');
  });
});
