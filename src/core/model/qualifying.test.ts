/** Problems of a product's qualifying parameters name the parameter in the reader's language; the path is the location. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allT, LANGS } from '../../../test/helpers/i18n';
import { sampleJson } from '../../../test/helpers/samples';
import { problemLocation, translateMessage, translateProblem, type TFunction } from '../i18n/translate';
import { QUALIFYING_ALIASES, QUALIFYING_PARAMS, qualifyingParamAt, qualifyingParamLabel } from './qualifying';
import { validateDataset } from './validate';

let T: Record<(typeof LANGS)[number], TFunction>;
beforeAll(async () => {
  T = await allT();
});

const root = join(import.meta.dirname, '..', '..', '..');
const SCRIPT: Record<string, RegExp> = { zh: /[\u4e00-\u9fff]/, ar: /[\u0600-\u06ff]/ };

/** The cement sample with the grinding process's product given these qualifying parameters. */
function withQualifying(q: unknown) {
  const d = sampleJson('cement-plant-kiln-grinding.json');
  d.processes[1].products[0].qualifying = q;
  return d;
}

describe('qualifying parameters: names in words', () => {
  it('every known parameter has a label in en, zh and ar (real Chinese and Arabic)', () => {
    for (const lang of LANGS) {
      const labels = JSON.parse(readFileSync(join(root, 'locales', lang, 'qualifying.json'), 'utf8')).param as Record<string, string>;
      expect(Object.keys(labels).sort(), lang).toEqual([...QUALIFYING_PARAMS, ...Object.keys(QUALIFYING_ALIASES)].sort()); // an older name saved in a dataset keeps its label
      if (SCRIPT[lang]) for (const [k, v] of Object.entries(labels)) expect(v, `${lang} ${k}`).toMatch(SCRIPT[lang]!);
    }
  });
  it('a known name is translated, any other name is shown as typed', () => {
    expect(qualifyingParamLabel('mnPct')).toBe('$t:qualifying:param.mnPct');
    expect(qualifyingParamLabel('AB')).toBe('$raw:AB');
    expect(qualifyingParamAt(['processes', 1, 'products', 0, 'qualifying', 'mnPct'])).toBe('mnPct');
    expect(qualifyingParamAt(['processes', 1, 'products', 0, 'qualifying'])).toBeUndefined();
    expect(qualifyingParamAt(['inventory', 1, 'qualifying', 'x'])).toBeUndefined();
  });
});

describe('a value that is neither a number nor a text', () => {
  it('names the product, the process and the parameter in words; the field path is the location', () => {
    const r = validateDataset(withQualifying({ clinkerShare: 0.8, calcined: true, mnPct: { x: 1 }, myOwn: [1] }));
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.path.join('.')).sort()).toEqual([
      'processes.1.products.0.qualifying.calcined',
      'processes.1.products.0.qualifying.mnPct',
      'processes.1.products.0.qualifying.myOwn',
    ]);
    for (const p of errors) expect(p.message.key).toBe('qualifying:errors.wrongValue');
    const calcined = errors.find((p) => p.path.at(-1) === 'calcined')!;
    for (const lang of LANGS) {
      const t = T[lang];
      const text = translateMessage(t, calcined.message);
      expect(text, lang).toContain(t('qualifying:param.calcined'));
      expect(text, lang).toContain('CEM');
      expect(text, lang).toContain('GRIND');
      expect(text, lang).toContain('true');
      expect(text, lang).not.toMatch(/processes\.|qualifying[.:]|calcined|\{\{|\$t:|\$raw:/);
      expect(problemLocation(t, calcined), lang).toContain(t('qualifying:param.calcined'));
      if (SCRIPT[lang]) expect(text, lang).toMatch(SCRIPT[lang]!);
      // a name of the user's own is shown as typed, still without the path
      const own = translateProblem(
        t,
        errors.find((p) => p.path.at(-1) === 'myOwn')!,
      );
      expect(own, lang).toContain('myOwn');
      expect(own, lang).not.toMatch(/processes\.|\$raw:/);
    }
  });
});
