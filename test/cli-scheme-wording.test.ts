// convert --to uk-cbam: the electricity texts name the United Kingdom (from the pack), never "EU default", in en/zh/ar.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from './helpers/cli';
import { SAMPLES_DIR } from './helpers/samples';
import { readFileSync } from 'node:fs';

const AL = join(SAMPLES_DIR, 'aluminium-ingot-ningxia.json');
const loc = (lng: string, ns: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'locales', lng, `${ns}.json`), 'utf8'));

describe('convert --to uk-cbam: electricity wording from the pack', () => {
  it.each([
    ['en', 'United Kingdom', 'EU default'],
    ['zh', '英国', '欧盟默认'],
    ['ar', 'المملكة المتحدة', 'الافتراضي الأوروبي'],
  ])('%s', async (lng, name, euWords) => {
    const r = await runCli('convert', AL, '--to', 'uk-cbam', '--period', '2027', '--lang', lng);
    const cc = loc(lng, 'cbamconvert');
    expect(r.out).not.toContain(cc.electricity.choice['eu-default']);
    expect(r.out).not.toContain(euWords);
    const label = loc(lng, 'elecwording').choiceDefault.replace(/\{\{name_\w+\}\}/, name);
    expect(r.out).toContain(label);
    // the EU CBAM keeps its wording
    const eu = await runCli('convert', AL, '--to', 'eu-cbam', '--period', '2027', '--lang', lng);
    expect(eu.out).toContain(cc.electricity.choice['eu-default']);
    expect(eu.out).toContain(euWords);
  });
});
