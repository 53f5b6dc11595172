import { describe, it, expect } from 'vitest';
import { getAt, setAt, pathKey } from './path';

describe('json path helpers', () => {
  it('reads nested values and missing ones', () => {
    const o = { a: { b: [{ c: 1 }] } };
    expect(getAt(o, ['a', 'b', 0, 'c'])).toBe(1);
    expect(getAt(o, ['a', 'x', 'y'])).toBeUndefined();
  });
  it('creates intermediate objects and arrays, and deletes on undefined', () => {
    const o: Record<string, unknown> = {};
    setAt(o, ['p', 'list', 0, 'v'], 3);
    expect(o).toEqual({ p: { list: [{ v: 3 }] } });
    setAt(o, ['p', 'list', 0, 'v'], undefined);
    expect(o).toEqual({ p: { list: [{}] } });
    expect(pathKey(['inventory', 2, 'id'])).toBe('inventory.2.id');
  });
});
