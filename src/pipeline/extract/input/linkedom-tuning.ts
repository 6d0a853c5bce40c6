import { DOMParser, Element, EventTarget, Node } from 'linkedom';

/**
 * Two things linkedom does for every node it parses, for features the extractor never uses.
 * Together they were about a fifth of extraction time, most of it in the garbage collector.
 * Applied once, when the extraction DOM is loaded; the tests fail if an upgrade of linkedom
 * changes the shapes relied on here.
 */
export function tuneLinkedom(): void {
  dropListenerMaps();
  buildClassListsWhenRead();
}

/**
 * Every node gets its own listener map, kept in a module-wide WeakMap (whose entries the
 * collector traces at every collection). A derived class constructor reaches its parent through
 * its own prototype at call time, so pointing linkedom's Node constructor at a constructor that
 * does nothing skips the maps. Methods still come from EventTarget.prototype; the listener
 * methods are replaced by ones that say plainly that this DOM takes no listeners.
 */
function dropListenerMaps(): void {
  const nodeClass = Object.getPrototypeOf(Node) as object;
  if (Object.getPrototypeOf(nodeClass) !== EventTarget) return; // already done
  Object.setPrototypeOf(nodeClass, NoListeners);
  const refuse = (): never => {
    throw new Error('The extraction DOM takes no event listeners.');
  };
  const prototype = (nodeClass as { prototype: object }).prototype;
  for (const method of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
    Object.defineProperty(prototype, method, { value: refuse, configurable: true, writable: true });
  }
}

/** Node's parent constructor once listener maps are dropped: builds nothing. */
class NoListeners {}

/**
 * The parser writes each `class` attribute and then sets `className` to the same value, which
 * builds a class list (a Set of tokens) for every element with a class. When the attribute
 * already holds that value and no list was built yet, the setter now leaves it to the
 * `classList` getter to build the list from the attribute the first time it is read.
 */
function buildClassListsWhenRead(): void {
  const elementClass = Object.getPrototypeOf(Element) as { prototype: object };
  const descriptor = Object.getOwnPropertyDescriptor(elementClass.prototype, 'className');
  if (!descriptor?.set || (descriptor.set as { deferred?: boolean }).deferred) return;
  const classList = classListSymbol();
  const original = descriptor.set;
  const set = function (this: Record<symbol, unknown> & { getAttributeNode(name: string): { value: string } | null }, value: unknown) {
    if (this[classList] === null && this.getAttributeNode('class')?.value === String(value)) return;
    original.call(this, value);
  };
  Object.defineProperty(set, 'deferred', { value: true });
  Object.defineProperty(elementClass.prototype, 'className', { ...descriptor, set });
}

/** linkedom's private key for an element's class list, found on a fresh element. */
function classListSymbol(): symbol {
  const element = new DOMParser().parseFromString('<p></p>', 'text/html').querySelector('p') as object;
  const symbol = Object.getOwnPropertySymbols(element).find((s) => s.description === 'classList');
  if (!symbol) throw new Error('linkedom keeps class lists differently than the extractor expects.');
  return symbol;
}
