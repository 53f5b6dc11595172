import { describe, it, expect } from 'vitest';
import { langFromUrl } from './prefs.svelte';

describe('language from the address', () => {
  it('reads ?lang= from the query string or the hash query, ignoring unknown languages', () => {
    expect(langFromUrl({ search: '?lang=ar', hash: '' })).toBe('ar');
    expect(langFromUrl({ search: '', hash: '#/library?lang=zh' })).toBe('zh');
    expect(langFromUrl({ search: '?lang=fr', hash: '#/?lang=en' })).toBe('en');
    expect(langFromUrl({ search: '?lang=fr', hash: '' })).toBeNull();
  });
});
