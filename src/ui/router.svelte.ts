/**
 * Minimal hash router (no dependency): `#/path/seg?x=1`. Works from any static host and from a sub-folder
 * because the app uses a relative base. Routes are matched in App.svelte.
 */

export interface Route {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '') || '/';
  const qi = h.indexOf('?');
  const rawPath = qi >= 0 ? h.slice(0, qi) : h;
  const query = new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : '');
  const path = '/' + rawPath.split('/').filter(Boolean).map(decodeURIComponent).join('/');
  const segments = path.split('/').filter(Boolean);
  return { path, segments, query };
}

/** Match `pattern` like `/editor/:id` against a route; returns params or null. */
export function matchRoute(pattern: string, route: Route): Record<string, string> | null {
  const ps = pattern.split('/').filter(Boolean);
  if (ps.length !== route.segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    const s = route.segments[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = s;
    else if (p !== s) return null;
  }
  return params;
}

class RouterState {
  route = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));
}
export const router = new RouterState();

let started = false;
export function startRouter(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('hashchange', () => {
    router.route = parseHash(location.hash);
  });
}

export function href(path: string, query?: Record<string, string>): string {
  const q = query ? new URLSearchParams(query).toString() : '';
  return `#${path}${q ? `?${q}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string>): void {
  const h = href(path, query);
  if (location.hash === h) router.route = parseHash(h);
  else location.hash = h;
}
