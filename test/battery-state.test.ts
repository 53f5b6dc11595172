/** The battery view's plumbing: details read apart from the dataset, the form round trip, refusals located by field. */
import { describe, expect, it } from 'vitest';
import { parseBatteryDetails } from '../src/core/battery';
import { detailsFromForm, formFromDetails, problemsAt, readBatteryInputs } from '../src/ui/state/battery';
import { sampleJson } from './helpers/samples';

describe('battery view state', () => {
  it('reads the NMC sample: dataset and details', () => {
    const r = readBatteryInputs(sampleJson('nmc-ev-battery-pack.json'));
    expect(r.dataset?.id).toBe('sample-nmc-ev-pack');
    expect(r.battery?.vehicleClass).toBe('M1');
    expect(r.batteryProblems).toEqual([]);
  });
  it('a bad detail does not hide the dataset', () => {
    const raw = sampleJson('nmc-ev-battery-pack.json');
    raw.battery.usableEnergyKWh = -1;
    const r = readBatteryInputs(raw);
    expect(r.dataset).not.toBeNull();
    expect(r.battery).toBeNull();
    expect(r.batteryProblems[0]!.path).toEqual(['battery', 'usableEnergyKWh']);
  });
  it('form → details → form keeps every field (numbers typed with Arabic-Indic digits accepted)', () => {
    const b = readBatteryInputs(sampleJson('nmc-ev-battery-pack.json')).battery!;
    const f = formFromDetails(b);
    const back = parseBatteryDetails(detailsFromForm(f, b));
    expect(back.ok && back.details).toEqual(b);
    const ar = parseBatteryDetails(detailsFromForm({ ...f, usableEnergyKWh: '٧٥' }, b));
    expect(ar.ok && ar.details.usableEnergyKWh).toBe(75);
  });
  it('refusals are found by field path', () => {
    const f = { ...formFromDetails(readBatteryInputs(sampleJson('nmc-ev-battery-pack.json')).battery), warrantyYears: '0', thresholds: 'A=0.1, B=x' };
    const r = parseBatteryDetails(detailsFromForm(f), ['battery']);
    expect(r.ok).toBe(false);
    const problems = (r as { problems: import('../src/core/model/problems').Problem[] }).problems;
    expect(problemsAt(problems, 'serviceLife.warrantyYears')[0]!.message.key).toBe('battery:validation.notPositive');
    expect(problems.some((p) => p.path.join('.').startsWith('battery.performanceClasses.1'))).toBe(true);
  });
});
