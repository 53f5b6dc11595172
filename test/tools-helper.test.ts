// test/helpers/tools.ts: a missing tool or ../shared file skips (with a warning) outside CI and fails in CI.
import { describe, expect, it, vi } from 'vitest';
import { hasTool, IN_CI, missing, SHARED, sharedFile, SHARED_DIR } from './helpers/tools';

describe('tools helper', () => {
  it('in CI, something missing throws (the test file fails instead of passing silently)', () => {
    expect(() => missing('the tool "nonexistent-tool"', true)).toThrow(/missing\. CI runs every test/);
  });

  it('outside CI, something missing warns visibly and reports false', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(missing('the shared file ../shared/none.txt', false)).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/none\.txt is missing: .*SKIPPED.*in CI they fail/s));
    } finally {
      warn.mockRestore();
    }
  });

  it('finds the tools CI installs (outside CI a missing one is skipped with the warning)', (ctx) => {
    const found = (['xmllint', 'soffice', 'pdftotext'] as const).map((t) => [t, hasTool(t)] as const);
    if (!IN_CI && found.some(([, ok]) => !ok)) ctx.skip();
    expect(found.filter(([, ok]) => !ok)).toEqual([]);
  });

  it(`resolves ../shared beside the checkout ${SHARED}`, (ctx) => {
    expect(SHARED_DIR.endsWith('/shared')).toBe(true);
    const p = sharedFile('reference/cbam.md');
    if (!p) return ctx.skip();
    expect(p).toBe(`${SHARED_DIR}/reference/cbam.md`);
  });
});
