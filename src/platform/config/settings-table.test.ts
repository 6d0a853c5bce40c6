import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsMarkdownTable } from './settings-table.js';

describe('README configuration table', () => {
  it('lists every setting exactly as the code defines it', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(settingsMarkdownTable());
  });
});
