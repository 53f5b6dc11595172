/**
 * Plumbing of the battery view (#/battery/:id): the dataset and its battery details read separately (so a bad
 * detail never hides the dataset), the details form as text fields and back, and saving the details into the stored
 * dataset only when the core accepts them. No figure is computed here: declarations come from the core.
 */
import { parseBatteryDetails, BATTERY_CATEGORIES, VEHICLE_CLASSES, validateDataset, type BatteryDetails, type Dataset, type Problem } from '../core';

export interface BatteryInputs {
  dataset: Dataset | null;
  datasetProblems: Problem[];
  battery: BatteryDetails | null;
  batteryProblems: Problem[];
}

/** Reads a stored dataset: the dataset without its battery field, then the battery details on their own. */
export function readBatteryInputs(raw: unknown): BatteryInputs {
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const { battery, ...rest } = obj;
  const v = validateDataset(rest);
  const dataset = v.ok && v.dataset ? v.dataset : null;
  if (battery === undefined) return { dataset, datasetProblems: v.problems, battery: null, batteryProblems: [] };
  const b = parseBatteryDetails(battery, ['battery']);
  return { dataset, datasetProblems: v.problems, battery: b.ok ? b.details : null, batteryProblems: b.ok ? [] : b.problems };
}

/** The form: every field as typed text (numbers may be typed with Arabic-Indic or full-width digits). */
export interface BatteryForm {
  category: string;
  vehicleClass: string;
  chemistry: string;
  usableEnergyKWh: string;
  ratedEnergyKWh: string;
  massKg: string;
  warrantyYears: string;
  warrantyKm: string;
  kmPerYear: string;
  kmRule: string;
  cycles: string;
  cyclesWhy: string;
  manufacturer: string;
  manufacturerAddress: string;
  model: string;
  plantTown: string;
  plantRegion: string;
  plantCountry: string;
  doc: string;
  studyUrl: string;
  confidential: string;
  thresholds: string;
}

export const CATEGORIES = BATTERY_CATEGORIES;
export const CLASSES = VEHICLE_CLASSES;

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function formFromDetails(b: Partial<BatteryDetails> | null): BatteryForm {
  return {
    category: s(b?.category ?? 'ev'),
    vehicleClass: s(b?.vehicleClass),
    chemistry: s(b?.chemistry),
    usableEnergyKWh: s(b?.usableEnergyKWh),
    ratedEnergyKWh: s(b?.ratedEnergyKWh),
    massKg: s(b?.massKg),
    warrantyYears: s(b?.serviceLife?.warrantyYears),
    warrantyKm: s(b?.serviceLife?.warrantyKm),
    kmPerYear: s(b?.serviceLife?.kmPerYear),
    kmRule: s(b?.serviceLife?.kmRule),
    cycles: s(b?.cyclesPerYear?.value),
    cyclesWhy: s(b?.cyclesPerYear?.justification),
    manufacturer: s(b?.manufacturer?.name),
    manufacturerAddress: s(b?.manufacturer?.address),
    model: s(b?.model),
    plantTown: s(b?.plant?.town),
    plantRegion: s(b?.plant?.region),
    plantCountry: s(b?.plant?.country ?? 'CN'),
    doc: s(b?.euDeclarationOfConformityId),
    studyUrl: s(b?.publicStudyUrl),
    confidential: (b?.confidentialLines ?? []).join(', '),
    thresholds: (b?.performanceClasses ?? []).map((c) => `${c.class}=${c.maxKgPerKWh}`).join(', '),
  };
}

const opt = (x: string) => (x.trim() === '' ? undefined : x.trim());

/** The raw details object the form stands for (validated by the core, never here). `keep` carries fields the form does not show. */
export function detailsFromForm(f: BatteryForm, keep: Partial<BatteryDetails> | null = null): Record<string, unknown> {
  const thresholds = f.thresholds
    .split(/[,，;]/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const [cls, v] = x.split(/[=:]/).map((y) => y.trim());
      return { class: cls ?? '', maxKgPerKWh: v ?? '' };
    });
  const raw: Record<string, unknown> = {
    format: 'carbonbridge.battery',
    formatVersion: 1,
    category: f.category,
    vehicleClass: f.category === 'ev' ? opt(f.vehicleClass) : undefined,
    chemistry: f.chemistry,
    usableEnergyKWh: opt(f.usableEnergyKWh),
    ratedEnergyKWh: opt(f.ratedEnergyKWh),
    massKg: opt(f.massKg),
    serviceLife: { warrantyYears: opt(f.warrantyYears), warrantyKm: opt(f.warrantyKm), kmPerYear: opt(f.kmPerYear), kmRule: opt(f.kmRule) },
    cyclesPerYear: opt(f.cycles) || opt(f.cyclesWhy) ? { value: opt(f.cycles), justification: f.cyclesWhy } : undefined,
    manufacturer: { ...(keep?.manufacturer ?? {}), name: f.manufacturer, address: opt(f.manufacturerAddress) },
    model: f.model,
    plant: { town: opt(f.plantTown), region: opt(f.plantRegion), country: f.plantCountry.trim().toUpperCase() },
    euDeclarationOfConformityId: opt(f.doc),
    publicStudyUrl: opt(f.studyUrl),
    confidentialLines: f.confidential
      .split(/[,，\s]+/)
      .map((x) => x.trim())
      .filter(Boolean),
    performanceClasses: thresholds.length ? thresholds : undefined,
    exclusivelyExternalStorage: keep?.exclusivelyExternalStorage,
    note: keep?.note,
  };
  return JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
}

/** Problems for one form field (by the details' path). */
export function problemsAt(problems: Problem[], path: string): Problem[] {
  return problems.filter((p) => p.path.filter((x) => x !== 'battery').join('.') === path);
}
