import { describe, expect, it } from 'vitest';
import { parseDocument } from '../input/dom.js';
import { readMetadata } from './read-metadata.js';

const now = new Date('2024-01-01T00:00:00Z');
const metadataOf = (head: string, body: string) =>
  readMetadata(parseDocument(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`), [], 'https://news.example/a', now);

describe('byline', () => {
  it('keeps names and organisations that open with De, Di or Der', () => {
    expect(metadataOf('<meta name="author" content="Dennis Steimels">', '').byline).toBe('Dennis Steimels');
    expect(metadataOf('<meta name="author" content="Devindra Hardawar">', '').byline).toBe('Devindra Hardawar');
    expect(metadataOf('<meta name="author" content="Deutsche Welle">', '').byline).toBe('Deutsche Welle');
    expect(metadataOf('', '<span class="byline">Dieter Sieckmeyer</span>').byline).toBe('Dieter Sieckmeyer');
  });

  it('takes the word before the name off, spaced or glued to it', () => {
    expect(metadataOf('', '<span class="author">By Jane Doe</span>').byline).toBe('Jane Doe');
    expect(metadataOf('', '<span class="author">ByJane Doe</span>').byline).toBe('Jane Doe');
    expect(metadataOf('', '<span class="author">vonFred Hüning</span>').byline).toBe('Fred Hüning');
    expect(metadataOf('', '<span class="author">de Jean Dupont</span>').byline).toBe('Jean Dupont');
  });

  it('skips JSON-LD authors that are profile addresses', () => {
    const document = parseDocument('<html><head><meta name="author" content="Erin Cunningham"></head><body></body></html>');
    const jsonLd = JSON.stringify({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'https://plus.google.com/+ErinCunningham' } });
    expect(readMetadata(document, [jsonLd], 'https://news.example/a', now).byline).toBe('Erin Cunningham');
  });
});

describe('title', () => {
  it('takes the page heading that a stated title opens with, over an earlier stated title that is not the headline', () => {
    const head = '<title>New Zealand - Wikipedia</title><meta property="og:site_name" content="Wikipedia">';
    const jsonLd = JSON.stringify({ '@type': 'Article', headline: 'constitutional monarchy in Oceania' });
    const document = parseDocument(`<html><head>${head}</head><body><h1>New Zealand</h1><p>Text.</p></body></html>`);
    expect(readMetadata(document, [jsonLd], 'https://news.example/a', now).title).toBe('New Zealand');
  });

  it('does not take the site name for the headline when the logo is a heading', () => {
    const m = metadataOf('<title>United States to Lift Sudan Sanctions - The New York Times</title>', '<h2>The New York Times</h2><p>Text.</p>');
    expect(m.title).toBe('United States to Lift Sudan Sanctions');
  });

  it('reads Dublin Core and Parse.ly titles before the title element', () => {
    expect(metadataOf('<title>Title Element</title><meta property="dc:title" content="My title">', '').title).toBe('My title');
    expect(metadataOf('<title>Title Element</title><meta name="parsely-title" content="Some Other Title">', '').title).toBe('Some Other Title');
  });
});

describe('byline from the page', () => {
  it('takes the linked names a byline opens with, not the role or outlet run into them', () => {
    expect(metadataOf('', '<div class="byline"><a href="/h">Howard Blume</a><span>Staff Writer</span></div>').byline).toBe('Howard Blume');
    expect(metadataOf('', '<p class="byline">By <a href="/j">Julia Carrie Wong</a> and <a href="/s">Sam Levin</a> in San Francisco</p>').byline).toBe('Julia Carrie Wong, Sam Levin');
    expect(metadataOf('', '<p class="author"><a href="/l">Leszek Jażdżewski</a> 28 kwietnia 2021 <a href="/t">Fundusz Odbudowy</a></p>').byline).toBe('Leszek Jażdżewski');
  });

  it('prefers a specific author meta over a generic one that names the publisher', () => {
    expect(metadataOf('<meta name="author" value="Condé Nast"><meta name="article:author" value="Emma Grey Ellis">', '').byline).toBe('Emma Grey Ellis');
    expect(metadataOf('<meta name="author" content="Denis Dilba"><meta name="DC.creator" content="heise online">', '').byline).toBe('Denis Dilba');
  });
});
