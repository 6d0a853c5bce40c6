// Stories: clustering quality on ECB+ and WikiRef220 beside two offline TF-IDF peers (single-link,
// and average-link with hindsight), wire
// copies and their originals in SaudiNewsNet, MinHash/LSH throughput beside classic MinHash
// with the recall LSH keeps against exact Jaccard, and streaming speed with a large window.
// Run: node --import tsx bench/stories.bench.ts [quality|copies|speed ...]
import { printTable, report } from './support/report.js';
import { measureEntitySpeed } from './stories/entities-speed.js';
import { measureMinhash } from './stories/minhash-speed.js';
import { measureEcbPlus, measureEcbPlusOrders, measureWikiRef } from './stories/quality.js';
import { measureStream } from './stories/stream-speed.js';
import { measureWireCopies } from './stories/wire-copies.js';

const bench = 'stories';
const wanted = process.argv.slice(2);
const run = (part: string) => wanted.length === 0 || wanted.includes(part);
const r3 = (n: number) => Math.round(n * 1000) / 1000;

if (run('quality')) {
  const ecb = measureEcbPlus();
  if (ecb) {
    const peer = `single-link TF-IDF, best threshold ${ecb.baseline.threshold}`;
    report({
      bench,
      name: 'ecbplus 1-35 stream B-cubed F1',
      value: r3(ecb.stream.bcubedF1),
      unit: 'F1',
      peer: { name: peer, value: r3(ecb.baseline.bcubedF1) },
      goal: '>= 0.93',
    });
    report({
      bench,
      name: 'ecbplus 1-35 stream pairwise F1',
      value: r3(ecb.stream.pairwiseF1),
      unit: 'F1',
      peer: { name: peer, value: r3(ecb.baseline.pairwiseF1) },
    });
    report({
      bench,
      name: 'ecbplus 1-35 stream B-cubed F1 beside the hindsight peer (whole set at once, best cut chosen on the answers)',
      value: r3(ecb.stream.bcubedF1),
      unit: 'F1',
      peer: {
        name: `average-link TF-IDF with names, best threshold ${ecb.averageLink.threshold}`,
        value: r3(ecb.averageLink.bcubedF1),
      },
    });
    report({
      bench,
      name: 'ecbplus 1-35 pairs within a topic: AUC of TF-IDF cosine telling one event from its sibling (1 = always)',
      value: r3(ecb.siblingPairs.withNames),
      unit: 'AUC',
      peer: { name: 'the same on words alone, without names', value: r3(ecb.siblingPairs.words) },
    });
    report({
      bench,
      name: `ecbplus 1-35 stories (gold ${ecb.goldStories})`,
      value: ecb.stream.clusters,
      unit: 'stories',
      peer: { name: peer, value: ecb.baseline.clusters },
    });
  }
  const withEntities = measureEcbPlus(undefined, { entities: true });
  if (withEntities && ecb)
    report({
      bench,
      name: 'ecbplus 1-35 stream B-cubed F1 with entity keys (as the running system clusters)',
      value: r3(withEntities.stream.bcubedF1),
      unit: 'F1',
      peer: { name: 'the same stream on text alone', value: r3(ecb.stream.bcubedF1) },
    });
  const orders = measureEcbPlusOrders();
  if (orders)
    report({
      bench,
      name: `ecbplus 1-35 B-cubed F1, mean of ${orders.seeds.length} shuffled orders (min ${r3(orders.min)}, max ${r3(orders.max)})`,
      value: r3(orders.mean),
      unit: 'F1',
      goal: '>= 0.93',
    });
  const held = measureEcbPlus('ecbplus_docs_topics36-45_HOLDOUT.jsonl.gz');
  if (held)
    report({
      bench,
      name: 'ecbplus 36-45 (held out) B-cubed F1',
      value: r3(held.stream.bcubedF1),
      unit: 'F1',
      peer: { name: 'single-link best threshold', value: r3(held.baseline.bcubedF1) },
    });
  const wiki = measureWikiRef();
  if (wiki) {
    const peer = `single-link TF-IDF, best threshold ${wiki.baseline.threshold}`;
    report({
      bench,
      name: 'wikiref220 B-cubed F1 (noise = single stories)',
      value: r3(wiki.stream.bcubedF1),
      unit: 'F1',
      peer: { name: peer, value: r3(wiki.baseline.bcubedF1) },
    });
    report({
      bench,
      name: 'wikiref220 B-cubed F1 beside the hindsight peer',
      value: r3(wiki.stream.bcubedF1),
      unit: 'F1',
      peer: {
        name: `average-link TF-IDF with names, best threshold ${wiki.averageLink.threshold}`,
        value: r3(wiki.averageLink.bcubedF1),
      },
    });
    report({
      bench,
      name: 'wikiref220 NMI',
      value: r3(wiki.stream.nmi),
      unit: 'NMI',
      peer: { name: peer, value: r3(wiki.baseline.nmi) },
    });
  }
}

if (run('copies')) {
  const wire = measureWireCopies();
  if (wire) {
    report({
      bench,
      name: 'saudinewsnet copy groups wire + newspapers',
      value: wire.wireGroups,
      unit: 'groups',
    });
    report({ bench, name: 'saudinewsnet copy groups of any kind', value: wire.allGroups, unit: 'groups' });
    report({
      bench,
      name: `saudinewsnet wire-to-paper copy pairs found in one copy group (of ${wire.exactCopyPairs} by exact comparison)`,
      value: wire.exactCopyPairsFound,
      unit: 'pairs',
      peer: { name: 'exact all-pairs containment and Jaccard', value: wire.exactCopyPairs },
    });
    report({
      bench,
      name: `saudinewsnet copy links whose texts are under half contained by exact comparison (of ${wire.copyLinks} links)`,
      value: wire.falseCopyLinks,
      unit: 'links',
    });
    report({
      bench,
      name: 'saudinewsnet groups whose original is the wire story',
      value: r3(wire.wireChosenShare),
      unit: 'share',
    });
    report({
      bench,
      name: `saudinewsnet articles in the largest of ${wire.stories} stories (unrelated reports merged show here)`,
      value: wire.largestStory,
      unit: 'articles',
    });
    console.log(
      `\n${wire.samples.length} sampled wire copy groups, for a person to check (* = chosen original):`,
    );
    wire.samples.forEach((group, i) => {
      console.log(`\n[${i + 1}]`);
      for (const m of group.members)
        console.log(`  ${m.id === group.original ? '*' : ' '} ${m.source.padEnd(12)} ${m.title}  <${m.url}>`);
    });
    console.log('');
  }
}

if (run('speed')) {
  const minhash = measureMinhash();
  report({
    bench,
    name: 'MinHash signature + LSH query + insert (500-word docs, one core)',
    value: minhash.newsdeskDocsPerSecond,
    unit: 'docs/s',
    peer: { name: 'classic 128-permutation MinHash, signature only', value: minhash.classicDocsPerSecond },
    goal: '>= 20000',
  });
  report({
    bench,
    name: `LSH recall of pairs with exact Jaccard >= ${minhash.threshold} (${minhash.sample}-doc sample, ${minhash.exactPairsAboveThreshold} pairs)`,
    value: r3(minhash.lshRecall),
    unit: 'recall',
    peer: { name: 'exact all-pairs Jaccard', value: 1 },
  });
  const stream = measureStream();
  report({
    bench,
    name: `streaming clustering, ${stream.windowArticles} articles in window (${stream.activeStories} stories)`,
    value: stream.articlesPerSecond,
    unit: 'articles/s',
    peer: { name: 'scan of every active story', value: stream.bruteForceArticlesPerSecond },
    goal: '>= 2000',
  });
  report({
    bench,
    name: 'streaming clustering per CPU-second (same run; wall time suffers when the machine is shared)',
    value: stream.articlesPerCpuSecond,
    unit: 'articles/s',
    goal: '>= 2000',
  });
  report({
    bench,
    name: 'clustering + duplicate index memory per article',
    value: stream.indexBytesPerArticle,
    unit: 'bytes',
    goal: '< 2048',
  });
  report({
    bench,
    name: 'the same stream: B-cubed F1 of its stories against the generated events',
    value: r3(stream.syntheticBcubedF1),
    unit: 'F1',
  });
  for (const speed of measureEntitySpeed()) {
    report({
      bench,
      name: `entities of a ${speed.words}-word ${speed.lang === 'en' ? 'English' : 'Arabic'} article, per CPU-second`,
      value: speed.articlesPerCpuSecond,
      unit: 'articles/s',
      ...(speed.peerPerCpuSecond === null
        ? {}
        : { peer: { name: 'compromise alone on the whole text', value: speed.peerPerCpuSecond } }),
    });
  }
}

printTable();
