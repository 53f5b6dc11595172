import { describe, it, expect } from 'vitest';
import { parseHash, matchRoute, href } from './router.svelte';
import { parseLocalePath } from './i18n.svelte';

describe('hash router', () => {
  it('parses paths, segments and the hash query', () => {
    const r = parseHash('#/editor/abc-1?lang=ar&x=1');
    expect(r.path).toBe('/editor/abc-1');
    expect(r.segments).toEqual(['editor', 'abc-1']);
    expect(r.query.get('lang')).toBe('ar');
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#/screen/').path).toBe('/screen');
  });
  it('matches patterns with parameters and rejects others', () => {
    expect(matchRoute('/editor/:id', parseHash('#/editor/42'))).toEqual({ id: '42' });
    expect(matchRoute('/editor/:id', parseHash('#/cbam/42'))).toBeNull();
    expect(matchRoute('/', parseHash('#/'))).toEqual({});
    expect(matchRoute('/samples', parseHash('#/samples/x'))).toBeNull();
  });
  it('builds links with a query', () => {
    expect(href('/screen', { cn: '7601 10 00' })).toBe('#/screen?cn=7601+10+00');
  });
});

describe('locale files', () => {
  it('reads language and namespace from a locale path', () => {
    expect(parseLocalePath('../../locales/ar/glossary.json')).toEqual({ lng: 'ar', ns: 'glossary' });
    expect(parseLocalePath('../../locales/zh/ui.txt')).toBeNull();
  });
});
