import { z } from 'zod';

/**
 * Every setting Newsdesk reads: its environment variable, its schema (which also gives
 * the default), what it is for, and whether it is a secret to mask when printed.
 * The README's configuration table is this list.
 */
export interface Setting<S extends z.ZodType = z.ZodType> {
  env: string;
  schema: S;
  allowed: string;
  description: string;
  secret?: boolean;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const settings = {
  databaseUrl: {
    env: 'DATABASE_URL',
    schema: z
      .string()
      .regex(/^(postgres(ql)?:\/\/.+|sqlite:.+)$/, 'must start with postgres://, postgresql:// or sqlite:')
      .optional(),
    allowed: 'postgres://user@host:port/db, or sqlite:PATH',
    description: 'Database to use. Unset: an SQLite file in the data directory.',
    secret: true,
  },
  dataDir: {
    env: 'NEWSDESK_DATA_DIR',
    schema: z.string().min(1).default('./data'),
    allowed: 'a directory path',
    description: 'Where the SQLite database and other local files live.',
  },
  host: {
    env: 'NEWSDESK_HOST',
    schema: z.string().min(1).default('127.0.0.1'),
    allowed: 'an interface address, e.g. 0.0.0.0',
    description: 'Address the web server listens on.',
  },
  port: {
    env: 'NEWSDESK_PORT',
    schema: int(0, 65535).default(8080),
    allowed: 'an integer from 0 to 65535',
    description: 'Port the web server listens on (`serve --port` overrides it).',
  },
  publicUrl: {
    env: 'NEWSDESK_PUBLIC_URL',
    schema: z.url({ protocol: /^https?$/ }).optional(),
    allowed: 'an absolute http(s) URL',
    description:
      'The address readers use; https here makes session cookies Secure. Also the base of WebSub callback URLs: unset, WebSub is off and every source is polled.',
  },
  siteTitle: {
    env: 'NEWSDESK_SITE_TITLE',
    schema: z.string().min(1).max(200).default('Newsdesk'),
    allowed: 'text up to 200 characters',
    description: 'Name shown on the public site.',
  },
  logLevel: {
    env: 'NEWSDESK_LOG_LEVEL',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    allowed: 'fatal, error, warn, info, debug, trace or silent',
    description: 'Least severe log level written (logs go to standard error as JSON lines).',
  },
  workerConcurrency: {
    env: 'NEWSDESK_WORKER_CONCURRENCY',
    schema: int(1, 256).default(4),
    allowed: 'an integer from 1 to 256',
    description: 'Jobs one worker process runs at the same time.',
  },
  jobLeaseMs: {
    env: 'NEWSDESK_JOB_LEASE_MS',
    schema: int(1000, 3_600_000).default(60_000),
    allowed: 'milliseconds, 1000 to 3600000',
    description: "How long a claimed job stays a worker's; after that another worker retries it.",
  },
  refreshIntervalMinutes: {
    env: 'NEWSDESK_REFRESH_INTERVAL_MINUTES',
    schema: int(1, 1440).default(30),
    allowed: 'minutes, 1 to 1440',
    description: "How often a source is checked while its publishing rhythm is unknown; the base of the failure backoff.",
  },
  refreshMinMinutes: {
    env: 'NEWSDESK_REFRESH_MIN_MINUTES',
    schema: int(1, 1440).default(5),
    allowed: 'minutes, 1 to 1440',
    description: 'Shortest interval between two checks of a source, however often it publishes.',
  },
  refreshMaxMinutes: {
    env: 'NEWSDESK_REFRESH_MAX_MINUTES',
    schema: int(1, 10080).default(1440),
    allowed: 'minutes, 1 to 10080',
    description: 'Longest interval between two checks of a source, however rarely it publishes.',
  },
  storyPageWaitMinutes: {
    env: 'NEWSDESK_STORY_PAGE_WAIT_MINUTES',
    schema: int(0, 1440).default(10),
    allowed: 'minutes, 0 to 1440',
    description: "How long a new article whose page is being fetched waits for its extracted text before it is placed in a story on its feed's text.",
  },
  pauseAfterFailures: {
    env: 'NEWSDESK_PAUSE_AFTER_FAILURES',
    schema: int(1, 1000).default(10),
    allowed: 'an integer from 1 to 1000',
    description: 'Consecutive failures after which a source is paused until resumed (`newsdesk source resume ID`).',
  },
  fetchTimeoutMs: {
    env: 'NEWSDESK_FETCH_TIMEOUT_MS',
    schema: int(100, 300_000).default(20_000),
    allowed: 'milliseconds, 100 to 300000',
    description: 'Total time allowed for one fetch.',
  },
  fetchMaxBytes: {
    env: 'NEWSDESK_FETCH_MAX_BYTES',
    schema: int(1024, 1_073_741_824).default(10 * 1024 * 1024),
    allowed: 'bytes, 1024 to 1073741824',
    description: 'Largest response body accepted.',
  },
  fetchConnectTimeoutMs: {
    env: 'NEWSDESK_FETCH_CONNECT_TIMEOUT_MS',
    schema: int(100, 120_000).default(10_000),
    allowed: 'milliseconds, 100 to 120000',
    description: 'Time allowed for DNS, the TCP connection and the TLS handshake of one request.',
  },
  fetchHeaderTimeoutMs: {
    env: 'NEWSDESK_FETCH_HEADER_TIMEOUT_MS',
    schema: int(100, 300_000).default(15_000),
    allowed: 'milliseconds, 100 to 300000',
    description: 'Time allowed from sending a request to receiving its status and headers.',
  },
  fetchHostConcurrency: {
    env: 'NEWSDESK_FETCH_HOST_CONCURRENCY',
    schema: int(1, 64).default(2),
    allowed: 'an integer from 1 to 64',
    description: 'Requests one worker process sends to the same host at once.',
  },
  fetchDomainRate: {
    env: 'NEWSDESK_FETCH_DOMAIN_RATE',
    schema: z.coerce.number().min(0.01).max(100).default(1),
    allowed: 'requests per second, 0.01 to 100',
    description: 'Sustained requests per second one worker process sends to one registrable domain (`example.co.uk`).',
  },
  fetchDomainBurst: {
    env: 'NEWSDESK_FETCH_DOMAIN_BURST',
    schema: int(1, 100).default(3),
    allowed: 'an integer from 1 to 100',
    description: 'Requests a quiet domain may receive at once before the rate applies.',
  },
  userAgent: {
    env: 'NEWSDESK_USER_AGENT',
    schema: z.string().min(1).max(300).default('Newsdesk/0.1 (+https://github.com/newsdesk/newsdesk)'),
    allowed: 'text up to 300 characters; include a contact URL',
    description: 'User-Agent sent when fetching sources.',
  },
  allowPrivateNetworks: {
    env: 'NEWSDESK_ALLOW_PRIVATE_NETWORKS',
    schema: bool.default(false),
    allowed: 'true or false',
    description: 'Allow fetching loopback and private-network addresses (tests, intranets).',
  },
  webSubLeaseSeconds: {
    env: 'NEWSDESK_WEBSUB_LEASE_SECONDS',
    schema: int(3600, 31_536_000).default(864_000),
    allowed: 'seconds, 3600 to 31536000',
    description: 'WebSub lease asked of hubs (a hub may grant another); leases are renewed before they end. Needs NEWSDESK_PUBLIC_URL.',
  },
  loadSample: {
    env: 'NEWSDESK_LOAD_SAMPLE',
    schema: bool.default(true),
    allowed: 'true or false',
    description: 'Load the bundled sample feeds when the database has no sources.',
  },
} satisfies Record<string, Setting>;

export type SettingName = keyof typeof settings;
