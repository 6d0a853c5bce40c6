import { describe, expect, it } from 'vitest';
import { cleanByline, isNameLike } from './clean-byline.js';

describe('cleanByline', () => {
  it('takes off the words that lead into a name', () => {
    expect(cleanByline('Written by: Charnele Henry')).toBe('Charnele Henry');
    expect(cleanByline('Posted by Nathan Parker')).toBe('Nathan Parker');
    expect(cleanByline('Von: Moritz Pieczewski-Freimuth')).toBe('Moritz Pieczewski-Freimuth');
    expect(cleanByline('بقلم: محمد عبد الله')).toBe('محمد عبد الله');
    expect(cleanByline('كتبت سارة أحمد')).toBe('سارة أحمد');
  });

  it('keeps the name and drops the outlet, time or role after a separator', () => {
    expect(cleanByline('Pete Evans · CBC News · Posted: Mar 1, 2019')).toBe('Pete Evans');
    expect(cleanByline('Saibal Dasgupta / TNN / Updated:')).toBe('Saibal Dasgupta');
    expect(cleanByline('Michael Humpa | CHIP Software-Redaktion')).toBe('Michael Humpa');
    expect(cleanByline('James Whittaker -')).toBe('James Whittaker');
  });

  it('keeps co-authors named after a slash, and a dash inside a name list', () => {
    expect(cleanByline('Laura Jordán / Javier Urbina 22 de Abril de 2019')).toBe('Laura Jordán, Javier Urbina');
    expect(cleanByline('Matthias Hille - Lukas Balbach')).toBe('Matthias Hille - Lukas Balbach');
  });

  it('drops a trailing date, ordinal days included', () => {
    expect(cleanByline('Lauren Jarvis-Gibson, December 16th 2016')).toBe('Lauren Jarvis-Gibson');
    expect(cleanByline('Christian Thiele, 07 Dezember, 2022')).toBe('Christian Thiele');
  });

  it('leaves bylines in scripts without letter case as they are', () => {
    expect(cleanByline('小暮ひさのり')).toBe('小暮ひさのり');
  });
});

describe('isNameLike', () => {
  it('accepts capitalised words with particles, and refuses phrases, digits and handles', () => {
    expect(isNameLike('Ursula von der Leyen')).toBe(true);
    expect(isNameLike('View author archive')).toBe(false);
    expect(isNameLike('Madonna')).toBe(false);
    expect(isNameLike('Room 101 Staff')).toBe(false);
    expect(isNameLike('@jane Doe')).toBe(false);
  });
});
