import { describe, expect, it } from 'vitest';
import { extractArticle } from '../extract-article.js';

const story = [
  'The city council agreed the new budget on Tuesday evening after a debate that lasted more than four hours.',
  'Most of the extra money goes to repairing roads and bridges that were damaged by the floods last winter.',
  'The opposition said the plan leaves too little for schools and announced it would propose changes next month.',
  'The mayor said the council had listened to residents and that work on the first bridges would start in spring.',
  'Engineers counted thirty bridges that need new foundations and said the oldest of them date from before the war.',
  'Shop owners in the old town welcomed the plan but asked the council to keep one lane of the harbour road open.',
  'The budget also pays for two new buses on the night line, which residents of the northern districts asked for.',
]
  .map((s) => `<p>${s}</p>`)
  .join('');
const page = (body: string) => `<!doctype html><html lang="en"><head><title>Budget agreed</title></head><body>${body}</body></html>`;
const extract = (html: string) => extractArticle({ html, url: 'https://news.example/city/budget' }).text;

describe('what surrounds the story', () => {
  it('drops a biography and contact details placed after the story inside its wrapper', () => {
    const bio = '<div class="person"><p>Jane Doe has reported on city politics for the paper since 2010 and lives by the harbour.</p></div>';
    const contact = '<div class="box"><p>Questions about this story? Write to the city desk, 12 Harbour Road, or call us any weekday.</p></div>';
    const text = extract(page(`<div class="wrap"><h1>Budget agreed</h1><div class="col">${story}</div>${bio}${contact}</div>`));
    expect(text).toContain('before the war');
    expect(text).not.toContain('Jane Doe');
    expect(text).not.toContain('Harbour Road');
  });

  it('keeps a closing paragraph that follows the story\'s main block', () => {
    const text = extract(page(`<div class="wrap"><div class="col">${story}</div><p>Work on the bridges is due to finish before the next election in two years.</p></div>`));
    expect(text).toContain('next election');
  });

  it('drops blocks without prose before the story inside its wrapper', () => {
    const before = '<dl><dd>Coming up: the <a href="/fest">Festival</a> on the quay</dd></dl>';
    const text = extract(page(`<div class="wrap">${before}<div class="col">${story}</div></div>`));
    expect(text).toContain('before the war');
    expect(text).not.toContain('Coming up');
  });
});
