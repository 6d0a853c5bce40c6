import { describe, expect, it } from 'vitest';
import { asParagraphs, councilStory, extractText as extract, newsPage as page } from '../../../../test/support/news-pages.js';

const story = asParagraphs([
  ...councilStory,
  'Engineers counted thirty bridges that need new foundations and said the oldest of them date from before the war.',
  'Shop owners in the old town welcomed the plan but asked the council to keep one lane of the harbour road open.',
  'The budget also pays for two new buses on the night line, which residents of the northern districts asked for.',
]);

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
