// Rewrites the configuration table in README.md from the settings (run after adding a setting):
// node --import tsx scripts/readme-config-table.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { settingsMarkdownTable } from '../src/platform/config/settings-table.js';

const readme = readFileSync('README.md', 'utf8');
const table = /\| variable \| default \|[^\n]*\n(\|[^\n]*\n)*/;
if (!table.test(readme)) throw new Error('README.md has no configuration table to replace.');
writeFileSync('README.md', readme.replace(table, settingsMarkdownTable() + '\n'));
