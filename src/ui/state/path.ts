/** Read/write a value at a JSON path (['inventory', 2, 'activity', 'amount']), creating objects on the way. */
export type Path = readonly (string | number)[];

export function getAt(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

export function setAt(obj: Record<string, unknown>, path: Path, value: unknown): void {
  if (path.length === 0) return;
  let cur: Record<string | number, unknown> = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    let next = cur[k];
    if (next === null || typeof next !== 'object') {
      next = typeof path[i + 1] === 'number' ? [] : {};
      cur[k] = next;
    }
    cur = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(cur) && typeof last === 'number') cur[last] = undefined;
    else delete cur[last];
  } else cur[last] = value;
}

export const pathKey = (path: Path): string => path.map(String).join('.');
