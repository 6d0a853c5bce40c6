// robots.txt conformance on Google's reference test cases (RFC 9309 plus Google's documented
// leniencies), and matching speed: Newsdesk's matcher beside robots-parser used directly, in the
// same run. The corpus is read in place from NEWSDESK_CORPUS (default ../shared/corpus, relative
// to the project root).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import robotsParserModule from 'robots-parser';
import {
  escapePattern,
  isValidRobotsAgent,
  parseRobotsTxt,
  pathParamsQuery,
} from '../src/pipeline/fetch/robots-txt.js';
import { printTable, report } from './support/report.js';

interface AgentCase {
  test: string;
  line: number;
  robotstxt: string;
  user_agent: string;
  url: string;
  allowed: boolean;
}
interface Cases {
  is_user_agent_allowed: AgentCase[];
  get_path_params_query: { input: string; expected: string }[];
  maybe_escape_pattern: { input: string; expected: string }[];
  is_valid_user_agent_to_obey: { user_agent: string; valid: boolean }[];
}

// robots-parser's typings declare the module without a callable default under NodeNext.
const robotsParser = robotsParserModule as unknown as (
  url: string,
  text: string,
) => { isAllowed(url: string, ua?: string): boolean | undefined };

const file = resolve(
  process.env.NEWSDESK_CORPUS ?? '../shared/corpus',
  'robotstxt-google-cases',
  'cases.json',
);
if (!existsSync(file)) {
  console.error(
    `The corpus set robotstxt-google-cases is not at ${file}. Set NEWSDESK_CORPUS to the folder that holds it.`,
  );
  process.exit(1);
}
const cases = JSON.parse(readFileSync(file, 'utf8')) as Cases;
const rounds = Number(process.env.NEWSDESK_BENCH_ROUNDS ?? 200);

type Matcher = (c: AgentCase) => boolean;
const newsdesk: Matcher = (c) => parseRobotsTxt(c.robotstxt).isAllowed(c.url, c.user_agent);
const peer: Matcher = (c) => {
  // robots-parser wants absolute URLs on the robots.txt's own origin; cases with a bare path get one.
  let origin = 'http://example.invalid';
  let url = c.url;
  try {
    origin = new URL(c.url).origin;
  } catch {
    url = origin + (c.url.startsWith('/') ? c.url : `/${c.url}`);
  }
  return robotsParser(`${origin}/robots.txt`, c.robotstxt).isAllowed(url, c.user_agent) !== false;
};

function passRate(matcher: Matcher, subset: AgentCase[]): { rate: number; failed: string[] } {
  const failed = subset.filter((c) => {
    try {
      return matcher(c) !== c.allowed;
    } catch {
      return true;
    }
  });
  return {
    rate: (100 * (subset.length - failed.length)) / subset.length,
    failed: failed.map((c) => `${c.test}:${c.line}`),
  };
}

const all = cases.is_user_agent_allowed;
const subsets: [string, AgentCase[]][] = [
  [`all allow/disallow cases (${all.length})`, all],
  [
    `RFC 9309 cases, ID_* (${all.filter((c) => c.test.startsWith('ID_')).length})`,
    all.filter((c) => c.test.startsWith('ID_')),
  ],
  [
    `Google leniencies, GoogleOnly_* (${all.filter((c) => !c.test.startsWith('ID_')).length})`,
    all.filter((c) => !c.test.startsWith('ID_')),
  ],
];
for (const [name, subset] of subsets) {
  const ours = passRate(newsdesk, subset);
  const theirs = passRate(peer, subset);
  report({
    bench: 'robots',
    name: `conformance: ${name}`,
    value: ours.rate,
    unit: '%',
    peer: { name: 'robots-parser', value: theirs.rate },
    goal: '100%',
  });
  if (subset === all)
    console.log(
      JSON.stringify({ bench: 'robots', failed: { newsdesk: ours.failed, 'robots-parser': theirs.failed } }),
    );
}

// Helpers robots-parser does not expose: measured for Newsdesk alone.
const share = <T>(list: T[], ok: (item: T) => boolean) => (100 * list.filter(ok).length) / list.length;
report({
  bench: 'robots',
  name: `path+params+query of a URL (${cases.get_path_params_query.length})`,
  value: share(cases.get_path_params_query, (c) => pathParamsQuery(c.input) === c.expected),
  unit: '%',
  goal: '100% (no peer API)',
});
report({
  bench: 'robots',
  name: `pattern percent-escaping (${cases.maybe_escape_pattern.length})`,
  value: share(cases.maybe_escape_pattern, (c) => escapePattern(c.input) === c.expected),
  unit: '%',
  goal: '100% (no peer API)',
});
report({
  bench: 'robots',
  name: `valid user-agent to obey (${cases.is_valid_user_agent_to_obey.length})`,
  value: share(cases.is_valid_user_agent_to_obey, (c) => isValidRobotsAgent(c.user_agent) === c.valid),
  unit: '%',
  goal: '100% (no peer API)',
});

// Speed: parse the file and decide one URL, as a first check of a new origin does.
function speed(matcher: Matcher): number {
  for (const c of all) matcher(c);
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const c of all) matcher(c);
  return (rounds * all.length) / (Number(process.hrtime.bigint() - started) / 1e9);
}
const peerSpeed = speed(peer);
const ourSpeed = speed(newsdesk);
report({
  bench: 'robots',
  name: `speed: parse + decide, ${rounds} rounds`,
  value: ourSpeed,
  unit: 'cases/s',
  peer: { name: 'robots-parser', value: peerSpeed },
  goal: '>= 1x peer',
});
printTable();
