import { describe, expect, it } from 'vitest';
import { Element, EventTarget, Node } from 'linkedom';
import { parseDocument } from './dom.js';

// Loading the extraction DOM applies the tuning; these tests notice when an upgrade of linkedom
// changes the shapes it relies on, and check that documents behave as before.
describe('linkedom tuned for extraction', () => {
  it('is in effect once the extraction DOM is loaded', () => {
    const nodeClass = Object.getPrototypeOf(Node) as object;
    expect(Object.getPrototypeOf(nodeClass)).not.toBe(EventTarget);
    expect(Object.getPrototypeOf((nodeClass as { prototype: object }).prototype)).toBe(EventTarget.prototype);
    const elementClass = Object.getPrototypeOf(Element) as { prototype: object };
    const setter = Object.getOwnPropertyDescriptor(elementClass.prototype, 'className')?.set as { deferred?: boolean } | undefined;
    expect(setter?.deferred).toBe(true);
  });

  it('still parses, walks and edits documents', () => {
    const document = parseDocument('<html><body><div id="a" class="x y"><p>One</p><p>Two</p></div></body></html>');
    const div = document.querySelector('#a')!;
    expect(div.getAttribute('class')).toBe('x y');
    expect(div.textContent).toBe('OneTwo');
    div.firstElementChild!.remove();
    expect(div.innerHTML).toBe('<p>Two</p>');
  });

  it('builds class lists from the attribute when they are first read, and keeps later changes', () => {
    const document = parseDocument('<p class="lead  Big lead">x</p><p class="other">y</p>');
    const [first, second] = Array.from(document.querySelectorAll('p')) as unknown as Array<{ className: string; classList: { contains(t: string): boolean }; getAttribute(n: string): string | null }>;
    expect(first!.classList.contains('Big')).toBe(true);
    expect(first!.className).toBe('lead Big');
    expect(document.querySelectorAll('.lead').length).toBe(1);
    second!.className = 'changed now';
    expect(second!.getAttribute('class')).toBe('changed now');
    expect(second!.classList.contains('now')).toBe(true);
    expect(document.querySelectorAll('.other').length).toBe(0);
  });

  it('refuses event listeners with a clear error instead of failing on a missing map', () => {
    const document = parseDocument('<p>x</p>');
    const p = document.querySelector('p')! as unknown as { addEventListener(type: string, f: () => void): void };
    expect(() => p.addEventListener('click', () => {})).toThrow(/takes no event listeners/);
  });
});
