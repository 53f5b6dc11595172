/** The country-of-origin rule as a table of cases (what the dataset says → the origin CarbonBridge uses). */
import { describe, expect, it } from 'vitest';
import { originCountry, originOf, type OriginSource } from './origin';
import { sampleJson } from '../../../test/helpers/samples';
import { Dataset } from '../model/dataset';

const cases: { name: string; ds: OriginSource; expect: ReturnType<typeof originOf> }[] = [
  { name: 'no installation: the producer’s country', ds: { producer: { country: 'CN' } }, expect: { country: 'CN', basis: 'producer' } },
  {
    name: 'empty installation list: the producer’s country',
    ds: { producer: { country: 'CN' }, installations: [] },
    expect: { country: 'CN', basis: 'producer' },
  },
  {
    name: 'one installation in the producer’s country',
    ds: { producer: { country: 'CN' }, installations: [{ id: 'I1', country: 'CN' }] },
    expect: { country: 'CN', basis: 'installation', installationId: 'I1' },
  },
  {
    name: 'installation abroad: where the good is produced, not the producer’s seat',
    ds: { producer: { country: 'CN' }, installations: [{ id: 'EG-1', country: 'EG' }] },
    expect: { country: 'EG', basis: 'installation', installationId: 'EG-1' },
  },
  {
    name: 'several installations: the first one',
    ds: {
      producer: { country: 'CN' },
      installations: [
        { id: 'A', country: 'SA' },
        { id: 'B', country: 'AE' },
      ],
    },
    expect: { country: 'SA', basis: 'installation', installationId: 'A' },
  },
  {
    name: 'installation without an id',
    ds: { producer: { country: 'GB' }, installations: [{ country: 'TR' }] },
    expect: { country: 'TR', basis: 'installation' },
  },
];

describe('country of origin (one rule for the CLI and the app)', () => {
  it.each(cases)('$name', (c) => {
    expect(originOf(c.ds)).toEqual(c.expect);
    expect(originCountry(c.ds)).toBe(c.expect.country);
  });
  it('the samples: aluminium produced in Ningxia is of China', () => {
    const ds = Dataset.parse(sampleJson('aluminium-ingot-ningxia.json'));
    expect(originCountry(ds)).toBe('CN');
  });
});
