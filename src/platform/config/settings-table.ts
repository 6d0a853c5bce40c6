import { settings } from './settings.js';

/** The configuration table of the README, made from the settings themselves so it cannot drift. */
export function settingsMarkdownTable(): string {
  const rows = Object.values(settings).map((s) => {
    const parsed = s.schema.safeParse(undefined);
    const fallback = parsed.success && parsed.data !== undefined ? `\`${String(parsed.data)}\`` : '—';
    return `| \`${s.env}\` | ${fallback} | ${s.allowed} | ${s.description} |`;
  });
  return ['| variable | default | allowed | what it does |', '|---|---|---|---|', ...rows].join('\n');
}
