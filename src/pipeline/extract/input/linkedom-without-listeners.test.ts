import { describe, expect, it } from 'vitest';
import { EventTarget, Node } from 'linkedom';
import { parseDocument } from './dom.js';

describe('linkedom without listener maps', () => {
  it('is in effect once the extraction DOM is loaded, so an upgrade of linkedom that changes its shape is noticed', () => {
    const nodeClass = Object.getPrototypeOf(Node) as object;
    expect(Object.getPrototypeOf(nodeClass)).not.toBe(EventTarget);
    // Methods still come from EventTarget's prototype chain.
    expect(Object.getPrototypeOf((nodeClass as { prototype: object }).prototype)).toBe(EventTarget.prototype);
  });

  it('still parses, walks and edits documents', () => {
    const document = parseDocument('<html><body><div id="a" class="x y"><p>One</p><p>Two</p></div></body></html>');
    const div = document.querySelector('#a')!;
    expect(div.getAttribute('class')).toBe('x y');
    expect(div.textContent).toBe('OneTwo');
    div.firstElementChild!.remove();
    expect(div.innerHTML).toBe('<p>Two</p>');
  });

  it('refuses event listeners with a clear error instead of failing on a missing map', () => {
    const document = parseDocument('<p>x</p>');
    const p = document.querySelector('p')! as unknown as { addEventListener(type: string, f: () => void): void };
    expect(() => p.addEventListener('click', () => {})).toThrow(/takes no event listeners/);
  });
});
