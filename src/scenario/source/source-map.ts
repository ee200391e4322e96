// Where each value of a parsed index.json / index.yaml / manifest came from, keyed by its
// path (`details`, `steps`, 0, `text`). Lookups fall back to the nearest ancestor, so a
// diagnostic about a missing key can still point at the object that should hold it.

import type {Position} from './line-index.js';

export type ValuePath = readonly (string | number)[];

const keyOf = (path: ValuePath): string => path.join('\u0000');

export class SourceMap {
  private readonly values = new Map<string, Position>();
  private readonly keys = new Map<string, Position>();

  record(path: ValuePath, value: Position, key?: Position): void {
    const k = keyOf(path);
    this.values.set(k, value);
    if (key) this.keys.set(k, key);
  }

  /** Position of the value at `path`, or of its nearest recorded ancestor. */
  value(path: ValuePath): Position {
    for (let n = path.length; n >= 0; n--) {
      const hit = this.values.get(keyOf(path.slice(0, n)));
      if (hit) return hit;
    }
    return {line: 1, column: 1};
  }

  /** Position of the key naming `path` (its value's position for array items and the root). */
  key(path: ValuePath): Position {
    return this.keys.get(keyOf(path)) ?? this.value(path);
  }
}

/** A parsed document: its plain value plus where each part was written. */
export interface PositionedValue {
  readonly value: unknown;
  readonly map: SourceMap;
}
