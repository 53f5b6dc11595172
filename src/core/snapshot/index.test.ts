import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex, hashContent, verifySnapshot, diffJson } from './index';

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 2 }], c: 'é' } })).toBe('{"a":{"c":"é","d":[3,{"x":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([undefined, -0])).toBe('[null,0]');
  });
  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ a: { b: Number.NaN } })).toThrow(/a\.b/);
    expect(() => canonicalJson({ a: Infinity })).toThrow();
  });
});

describe('SHA-256 through WebCrypto', () => {
  it('matches Node crypto for text and bytes', async () => {
    const text = '碳桥 جسر الكربون CarbonBridge';
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(await sha256Hex(new Uint8Array([0, 1, 2]))).toBe(
      createHash('sha256')
        .update(Buffer.from([0, 1, 2]))
        .digest('hex'),
    );
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
  it('a snapshot verifies its own content and not an altered one', async () => {
    const s = await hashContent({ dataset: { lines: [{ amount: 10 }] } });
    expect(await verifySnapshot(s)).toBe(true);
    expect(await verifySnapshot({ ...s, canonical: s.canonical.replace('10', '11') })).toBe(false);
    expect((await hashContent({ dataset: { lines: [{ amount: 10 }] } })).hash).toBe(s.hash);
    expect((await hashContent({ dataset: { lines: [{ amount: 10.5 }] } })).hash).not.toBe(s.hash);
  });
});

describe('field-level difference', () => {
  it('names each changed leaf with old and new value', () => {
    const a = {
      dataset: {
        lines: [
          { id: 'l1', amount: 10 },
          { id: 'l2', amount: 5 },
        ],
        name: 'x',
      },
      evidence: { meters: 'sha1' },
    };
    const b = {
      dataset: {
        lines: [
          { id: 'l1', amount: 12 },
          { id: 'l2', amount: 5 },
          { id: 'l3', amount: 1 },
        ],
        name: 'x',
        extra: true,
      },
      evidence: {},
    };
    expect(diffJson(a, b)).toEqual([
      { path: 'dataset.extra', kind: 'added', after: true },
      { path: 'dataset.lines[0].amount', kind: 'changed', before: 10, after: 12 },
      { path: 'dataset.lines[2]', kind: 'added', after: { id: 'l3', amount: 1 } },
      { path: 'evidence.meters', kind: 'removed', before: 'sha1' },
    ]);
    expect(diffJson(a, structuredClone(a))).toEqual([]);
  });
  it('quotes keys that are not identifiers and reports a type change as a change', () => {
    expect(diffJson({ 'a-b': 1 }, { 'a-b': '1' })).toEqual([{ path: '["a-b"]', kind: 'changed', before: 1, after: '1' }]);
    expect(diffJson({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', kind: 'changed', before: [1], after: { 0: 1 } }]);
  });
});
