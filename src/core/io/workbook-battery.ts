/**
 * The optional battery sheet of our input workbook: the dataset's `battery` field (see battery/details.ts) as
 * field/value rows, like the Product, Producer and Study sheets. Category and vehicle class have drop-down lists;
 * confidential lines and performance-class thresholds take one row each. The battery document's own format and
 * version go to the hidden marker sheet, so a dataset written and read back is identical.
 */
import enBattery from '../../../locales/en/battery.json';
import zhBattery from '../../../locales/zh/battery.json';
import { BATTERY_CATEGORIES, VEHICLE_CLASSES } from '../battery/details';
import { cellNumber, cellText } from './values';
import type { CellValue } from './read';
import type { FieldType } from './workbook-spec';

export const BATTERY_LISTS = { batteryCategory: BATTERY_CATEGORIES, vehicleClass: VEHICLE_CLASSES } as const;
export type BatteryListName = keyof typeof BATTERY_LISTS;

/** Field types of the workbook: those of workbook-spec.ts plus the battery lists and the performance-class row. */
export type XFieldType = FieldType | { batteryList: BatteryListName } | 'performanceClass';
export interface XFieldSpec {
  key: string;
  type: XFieldType;
  repeat?: boolean;
  emptyString?: boolean;
}

const b = (key: string, type: XFieldType, repeat = false): XFieldSpec => ({ key: `battery.${key}`, type, ...(repeat ? { repeat } : {}) });

export const BATTERY_SHEET_ID = 'battery';
export const BATTERY_FIELDS: XFieldSpec[] = [
  b('category', { batteryList: 'batteryCategory' }),
  b('vehicleClass', { batteryList: 'vehicleClass' }),
  b('exclusivelyExternalStorage', 'bool'),
  b('chemistry', 'text'),
  b('usableEnergyKWh', 'number'),
  b('ratedEnergyKWh', 'number'),
  b('massKg', 'number'),
  b('serviceLife.warrantyYears', 'number'),
  b('serviceLife.warrantyKm', 'number'),
  b('serviceLife.kmPerYear', 'number'),
  b('serviceLife.kmRule', 'text'),
  b('cyclesPerYear.value', 'number'),
  b('cyclesPerYear.justification', 'text'),
  b('manufacturer.name', 'text'),
  b('manufacturer.tradeName', 'text'),
  b('manufacturer.address', 'text'),
  b('manufacturer.web', 'text'),
  b('manufacturer.email', 'text'),
  b('model', 'text'),
  b('plant.town', 'text'),
  b('plant.region', 'text'),
  b('plant.country', 'country'),
  b('euDeclarationOfConformityId', 'text'),
  b('publicStudyUrl', 'text'),
  b('confidentialLines', 'code', true),
  b('performanceClasses', 'performanceClass', true),
  b('note', 'text'),
];

/** Chinese and English labels of a battery list code (battery category names; vehicle classes are codes). */
export function batteryCodeLabel(lang: 'en' | 'zh', list: BatteryListName, code: string): string | undefined {
  if (list !== 'batteryCategory') return undefined;
  const cat = (lang === 'zh' ? zhBattery : enBattery).category as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(cat, code) ? cat[code] : undefined;
}

/** A battery list code from a cell: the code itself (any case) or its Chinese or English label. */
export function batteryListCode(list: BatteryListName, v: CellValue | undefined): string | undefined {
  const s = cellText(v)?.trim();
  if (!s) return undefined;
  const lower = s.toLowerCase();
  return BATTERY_LISTS[list].find(
    (c) => c.toLowerCase() === lower || batteryCodeLabel('zh', list, c) === s || batteryCodeLabel('en', list, c)?.toLowerCase() === lower,
  );
}

export interface PerformanceClass {
  class: string;
  maxKgPerKWh: number;
}

export const formatPerformanceClass = (p: PerformanceClass): string => `${p.class} ≤ ${p.maxKgPerKWh}`;

/** "A ≤ 60", "A <= 60", "A: 60", "A 60" → { class: 'A', maxKgPerKWh: 60 }; undefined when not of that form. */
export function parsePerformanceClass(v: CellValue | undefined): PerformanceClass | undefined {
  const s = cellText(v)?.trim();
  const m = s ? /^([A-Z])\s*(?:≤|<=|<|:|=)?\s*(\S.*)$/u.exec(s) : null;
  if (!m) return undefined;
  const n = cellNumber(m[2]!.trim());
  return n === undefined ? undefined : { class: m[1]!, maxKgPerKWh: n };
}
