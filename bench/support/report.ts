/** One measurement: printed as a JSON line at once, and kept for the closing table. */
export interface Measurement {
  bench: string;
  name: string;
  value: number;
  unit: string;
  /** The peer's value measured in the same run, when there is one. */
  peer?: { name: string; value: number };
  goal?: string;
}

const rows: Measurement[] = [];

export function report(m: Measurement): void {
  rows.push(m);
  process.stdout.write(JSON.stringify(m) + '\n');
}

/** The readable table of everything reported so far. */
export function printTable(): void {
  const lines = rows.map((m) => {
    const peer = m.peer ? `${m.peer.name}: ${fmt(m.peer.value)} ${m.unit}  (ratio ${fmt(m.value / m.peer.value)})` : '';
    return [m.bench, m.name, `${fmt(m.value)} ${m.unit}`, peer, m.goal ?? ''];
  });
  const header = ['bench', 'measure', 'newsdesk', 'peer, same run', 'goal'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  process.stdout.write('\n' + row(header) + '\n' + widths.map((w) => '-'.repeat(w)).join('-|-') + '\n');
  for (const l of lines) process.stdout.write(row(l) + '\n');
}

function fmt(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(3);
}
