import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CarbonBridgeDb } from '../db/db';
import { allCbamPacks, cbamPackForPeriod, uninstallCbamPacks } from '../core';
import { cbamPack } from '../../core/cbam/packs';
import { listUserPacks, loadUserPackFile, removeUserPack, restoreUserPacks } from './user-packs';

let n = 0;
const fresh = () => new CarbonBridgeDb(`cb-userpacks-${Date.now()}-${n++}`);
const dir = 'test/fixtures/fictional-bca-pack/xb-bca/';
const read = (f: string) => JSON.parse(readFileSync(dir + f, 'utf8'));
/** The fictional pack as one file (what the Library accepts): parts merged in. */
const packFile = () =>
  JSON.stringify({
    ...read('pack.json'),
    categories: read('categories.json').categories,
    cnCodes: read('cn-codes.json'),
    defaultValues: read('default-values-cn.json'),
  });

afterEach(() => uninstallCbamPacks());

describe('user rule packs (Library)', () => {
  it('a valid pack file is stored, installed and chosen by scheme and period; removing it removes it', async () => {
    const d = fresh();
    const r = await loadUserPackFile(packFile(), 'xb-bca.json', d, 1000);
    expect(r).toMatchObject({ ok: true, replaced: false, pack: { id: 'xb-bca', version: '1.0.0' } });
    expect(await listUserPacks(d)).toEqual([expect.objectContaining({ id: 'xb-bca', version: '1.0.0', status: 'in-force', loadedAt: 1000 })]);
    const pp = cbamPackForPeriod('2028', 'xb-bca');
    expect(pp.ok && pp.pack.id).toBe('xb-bca');
    await removeUserPack('xb-bca', d);
    expect(await listUserPacks(d)).toEqual([]);
    expect(allCbamPacks().some((p) => p.id === 'xb-bca')).toBe(false);
  });

  it('a broken pack is refused with the field named, and nothing is stored or changed', async () => {
    const d = fresh();
    const before = allCbamPacks().map((p) => p.id);
    const j = JSON.parse(packFile());
    j.rates[0].value = -5;
    const r = await loadUserPackFile(JSON.stringify(j), 'broken.json', d);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ key: 'cbampacks:errors.userPackInvalid', params: { field: 'rates.0.value' } });
    const notJson = await loadUserPackFile('{ "id": ', 'x.json', d);
    expect(!notJson.ok && notJson.error.key).toBe('cbampacks:errors.packNotJson');
    const folderPack = await loadUserPackFile(JSON.stringify(read('pack.json')), 'pack.json', d);
    expect(!folderPack.ok && folderPack.error).toMatchObject({ key: 'cbampacks:errors.packPartMissing', params: { field: 'categories' } });
    expect(await listUserPacks(d)).toEqual([]);
    expect(allCbamPacks().map((p) => p.id)).toEqual(before);
  });

  it('a user pack of a built-in id replaces it until removed; the built-in pack is always available', async () => {
    const d = fresh();
    const raw = {
      ...JSON.parse(readFileSync('rules/uk-cbam/pack.json', 'utf8')),
      categories: JSON.parse(readFileSync('rules/uk-cbam/categories.json', 'utf8')).categories,
      cnCodes: JSON.parse(readFileSync('rules/uk-cbam/cn-codes.json', 'utf8')),
    };
    raw.version = '2027.1.0';
    raw.rates[0] = { ...raw.rates[0], value: 41.2, status: 'published' };
    expect((await loadUserPackFile(JSON.stringify(raw), 'uk.json', d)).ok).toBe(true);
    expect(cbamPack('uk-cbam').version).toBe('2027.1.0');
    // after a reload: restored from the database
    uninstallCbamPacks();
    expect(cbamPack('uk-cbam').version).toBe('2027.0.1');
    expect((await restoreUserPacks(d)).installed).toEqual(['uk-cbam']);
    expect(cbamPack('uk-cbam').version).toBe('2027.1.0');
    await removeUserPack('uk-cbam', d);
    expect(cbamPack('uk-cbam').version).toBe('2027.0.1');
  });
});
