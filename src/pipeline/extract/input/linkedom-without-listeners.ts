import { EventTarget, Node } from 'linkedom';

/**
 * linkedom gives every node it creates its own listener map, kept in a module-wide WeakMap. A
 * page is tens of thousands of nodes and the extractor never listens for events, so those maps
 * cost about a tenth of parsing and much of the garbage collector's time (a WeakMap's entries
 * are ephemerons, traced at every collection).
 *
 * A derived class constructor reaches its parent through its own prototype at call time, so
 * pointing linkedom's Node constructor at a constructor that does nothing skips the maps. Node
 * methods still come from EventTarget.prototype; the listener methods are replaced by ones that
 * say plainly that this DOM takes no listeners, instead of failing on a missing map.
 */
export function dropListenerMaps(): void {
  const nodeClass = Object.getPrototypeOf(Node) as object;
  if (Object.getPrototypeOf(nodeClass) !== EventTarget) return; // already done, or linkedom changed shape
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
