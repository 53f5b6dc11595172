import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { db, saveDataset } from '../db/db';
import { validateDataset } from '../core';
import { calculateInstallation, type InstallationResult } from '../../core/cbam/activity';
import {
  EXAMPLES,
  activityFile,
  readActivityText,
  addToDataset,
  emptyForm,
  fromActivity,
  loadForm,
  newStream,
  reviveForm,
  saveForm,
  toActivityInput,
} from './calculate';

const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'public', 'samples', 'aluminium-ingot-ningxia.json');
const ok = (raw: unknown): InstallationResult => {
  const r = calculateInstallation(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};

describe('calculation screen plumbing', () => {
  it('offers the nine worked examples, and each filled into the form gives the same figures as the file', () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual(['tc1', 'tc2', 'tc3', 'tc4', 'tc5', 'tc6', 'tc7', 'tc8', 'tc9']);
    for (const ex of EXAMPLES) {
      const direct = ok(ex.data);
      const viaForm = ok(toActivityInput(fromActivity(ex.data)));
      expect(
        viaForm.figures.map((f) => [f.id, f.value]),
        ex.id,
      ).toEqual(direct.figures.map((f) => [f.id, f.value]));
    }
    expect(ok(toActivityInput(fromActivity(EXAMPLES[0]!.data))).dirEm.value).toBe(827_820);
  });

  it('sends only the fields of the chosen method, leaves blank sections out and keeps list positions for the error paths', () => {
    const f = emptyForm();
    f.streams = [newStream('process'), newStream('combustion')];
    Object.assign(f.streams[0]!, { ad: '100', ef: '0.5', ncv: '99', carbonContent: '0.2' });
    Object.assign(f.streams[1]!, { ad: '-5', ncv: '45', ef: '73' });
    const input = toActivityInput(f);
    expect(input.sourceStreams).toEqual([
      { method: 'process', ad: '100', ef: '0.5', conversionFactor: '', biomassShare: '' },
      { method: 'combustion', ad: '-5', unit: 't', ncv: '45', ef: '73', oxidationFactor: '', biomassShare: '' },
    ]);
    expect(Object.keys(input)).toEqual(['sourceStreams', 'pfc', 'cems', 'precursors']);
    const r = calculateInstallation(input);
    expect(!r.ok && r.errors.map((e) => e.path.join('.'))).toEqual(['sourceStreams.1.ad']);
  });

  it('keeps the form in the browser database; something else stored there is ignored', async () => {
    const f = fromActivity(EXAMPLES[3]!.data);
    f.streams = [{ ...newStream(), ad: 'abc' }];
    await saveForm(f);
    const back = await loadForm();
    expect(back).toEqual(JSON.parse(JSON.stringify(f)));
    expect(reviveForm({ streams: 'x' })).toBeUndefined();
    expect(reviveForm(null)).toBeUndefined();
  });

  it('adds the calculated lines to a saved dataset, keeping the user\u2019s own text, and refuses a dataset given per functional unit', async () => {
    const raw = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    const row = await saveDataset(db(), { id: 'ds-calc', name: 'Al', origin: 'sample', data: raw });
    const res = await addToDataset(row.id, ok(fromActivityInput(4)));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.added).toEqual(['CALC-POTLINE']);
    const stored = (await db().datasets.get('ds-calc'))!.data as typeof raw;
    expect(stored.product.cnCode).toBe('7601 10 00');
    expect(stored.inventory).toHaveLength(raw.inventory.length + 1);
    expect(stored.inventory.at(-1)).toMatchObject({ id: 'CALC-POTLINE', installationId: 'INST-1', category: 'process-emission' });
    expect(validateDataset(stored).ok).toBe(true);

    await saveDataset(db(), { id: 'ds-fu', name: 'FU', origin: 'sample', data: { ...raw, basis: { kind: 'per-functional-unit' } } });
    expect(await addToDataset('ds-fu', ok(fromActivityInput(1)))).toEqual({ ok: false, errors: [{ key: 'cbamcalc:lines.perFunctionalUnit' }] });
    expect(await addToDataset('missing', ok(fromActivityInput(1)))).toEqual({ ok: false, errors: [{ key: 'ui:calculate.toDataset.notFound' }] });
  });
});

describe('activity data files', () => {
  it('the saved file is the CLI format with checked numbers, and reads back into the same form', () => {
    const form = fromActivity(EXAMPLES[3]!.data);
    const file = activityFile(form);
    expect(file).toMatchObject({
      format: 'carbonbridge.cbam-activity',
      formatVersion: 1,
      pfc: [{ method: 'slope', alProduced: 500_000, collectionEfficiency: 0.98 }],
    });
    expect(ok(file).dirEm.value).toBe(ok(EXAMPLES[3]!.data).dirEm.value);
    const back = readActivityText(JSON.stringify(file));
    expect(back.ok && ok(toActivityInput(back.form)).figures.map((f) => f.value)).toEqual(ok(file).figures.map((f) => f.value));
  });
  it('an invalid form is saved as typed; text that is not activity data is refused with the core message', () => {
    const form = emptyForm();
    form.streams = [{ ...newStream(), ad: '-5' }];
    expect((activityFile(form).sourceStreams as { ad: string }[])[0]!.ad).toBe('-5');
    expect(readActivityText('nope')).toEqual({ ok: false, error: { key: 'cbamcalc:errors.notJson' } });
    expect(readActivityText('[1]')).toEqual({ ok: false, error: { key: 'cbamcalc:errors.notActivity' } });
  });
});

function fromActivityInput(tc: number) {
  return toActivityInput(fromActivity(EXAMPLES[tc - 1]!.data));
}
