// Lint: typescript-eslint's recommended rules plus the layer rule that keeps imports
// pointing down the list in ARCHITECTURE.md (domain at the bottom, entrypoints at the top).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers from the bottom up: a file may import its own layer and the ones before it. */
const layers = [
  'domain',
  'platform',
  'pipeline',
  'search',
  'editorial',
  'publish',
  'alerts',
  'store',
  'jobs',
  'app',
  'entrypoints',
];

const forbid = (names, why) =>
  names.map((name) => ({
    regex: `(^|/)(src/)?${name}(/|$)`,
    message: `${why} (see ARCHITECTURE.md, "Layers").`,
  }));

const layerRules = layers.map((layer, rank) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbid(
          layers.slice(rank + 1),
          `src/${layer} must not import a layer above it`,
        ),
      },
    ],
  },
}));

// Pure pipeline stages never reach the network, the store or the job system.
const pureStages = ['parse', 'extract', 'text', 'stories'];
const pureRules = pureStages.map((stage) => ({
  files: [`src/pipeline/${stage}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbid(layers.slice(3), `src/pipeline/${stage} is a pure stage`),
          ...forbid(['fetch', 'ingest'], `src/pipeline/${stage} is a pure stage`),
        ],
        paths: ['node:http', 'node:https', 'node:net', 'node:fs', 'node:fs/promises', 'pg', 'better-sqlite3'].map(
          (name) => ({ name, message: `src/pipeline/${stage} is a pure stage: pass data in, do no I/O.` }),
        ),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'test/fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration from the Config object; only src/platform/config reads process.env.',
        },
      ],
    },
  },
  ...layerRules,
  ...pureRules,
  {
    // The entry point hands the environment to the config loader; nothing else reads it.
    files: ['src/platform/config/**', 'src/entrypoints/cli/main.ts', 'test/**', 'bench/**', '*.config.*', 'bin/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
