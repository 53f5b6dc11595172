/**
 * The words of the importer's summary workbook (./own-workbook.ts) in the language it is made in: the place of a
 * figure in the data as field names ("process 1 › production 1 › quantity"), its source as the reader reads it
 * (dataset lines, the process's production, the formulas in words, rule texts through `sourcenotes`), the goods
 * category, CN description, method, instrument and rebate through locale keys. The user's own texts (names, the
 * source names of their dataset lines) are printed as typed.
 */
import type { Translate } from './i18n';
import { sourceNoteIn } from '../../i18n/source-note';
import { definitivePack } from '../packs';
import { matchCn, printCn } from '../screen';

/** A translation or undefined when the language has none (the key comes back). */
const tOr = (t: Translate, key: string, params?: Record<string, string | number>): string | undefined => {
  const v = t(key, params);
  return v && v !== key && v !== key.slice(key.indexOf(':') + 1) ? v : undefined;
};

/** The regulation's formulas the documents' model and the template fill cite (see ../pipeline, ../convert.ts, ../docs-model.ts, ./template.ts), written in words. */
const FORMULAS: Record<string, string> = {
  '(AttrEm_dir + Σ M_i × SEE_dir,i) / AL': 'seeDirect',
  'DirEm* = Σ m_gas × GWP_AR5': 'directByGas',
  'Σ m_gas × GWP_AR5': 'directByGas',
  'Σ CO2_fossil': 'co2Fossil',
  'Σ E_el × EF_el / Σ E_el': 'elecEfWeighted',
  'AttrEm_ind = Σ E_el,cons × EF_el': 'indirect',
  'Σ E_el × EF_el of the production processes': 'indirectTotal',
  'Σ M_i × SEE_dir,i': 'precursorsDirect',
  'Σ M_i × SEE_ind,i': 'precursorsIndirect',
};

/** Suffixes the documents' model adds to a dataset line's source (../docs-model.ts energyStream). */
const SUFFIXES: [string, string][] = [
  [': activity in GJ, so NCV = 1 GJ/GJ', 'ncvGj'],
  [': fossil CO2 / energy (tCO2/TJ)', 'efEnergy'],
];

/** One source text (no "; ") in the reader's language. */
function printedPart(t: Translate, ref: string): string {
  const f = FORMULAS[ref];
  if (f) return t(`cbamdocs:own.formula.${f}`);
  for (const [suffix, key] of SUFFIXES)
    if (ref.endsWith(suffix)) return t(`cbamdocs:own.source.${key}`, { source: printedPart(t, ref.slice(0, -suffix.length)) });
  let m = /^Dataset lines? ([^\s(]+(?:, [^\s(]+)*)(?: \(([\s\S]*)\))?$/.exec(ref);
  if (m) {
    // i18next plural forms: "line AL-07", "lines AL-05, AL-06" (Arabic: six forms)
    const lines = { lines: m[1]!, count: m[1]!.split(', ').length };
    return m[2] ? t('cbamdocs:own.source.linesNote', { ...lines, note: m[2] }) : t('cbamdocs:own.source.lines', lines);
  }
  if (ref === 'Dataset (basis.production)') return t('cbamdocs:own.source.production');
  if (ref.startsWith('Dataset (product.functionalUnit')) return t('cbamdocs:own.source.functionalUnit');
  m = /^Dataset \(processes\[\d+\]\.production, process ([^)]+)\)$/.exec(ref);
  if (m) return t('cbamdocs:own.source.processProduction', { process: m[1]! });
  m = /^Dataset process (\S+) input from (\S+)$/.exec(ref);
  if (m) return t('cbamdocs:own.source.processInput', { process: m[1]!, from: m[2]! });
  m = /^Entered by the user: ([\s\S]+)$/.exec(ref);
  if (m) return t('cbamdocs:printed.user', { field: m[1]! });
  m = /^Supplier communication \(([\s\S]+)\)$/.exec(ref);
  if (m) return t('cbamdocs:printed.supplier', { line: m[1]! });
  m = /^× \(1 \+ ([\d.]+)\) mark-up (\d{4})$/.exec(ref);
  if (m) return t('cbamdocs:own.source.markUp', { markup: m[1]!, year: m[2]! });
  return ruleText(t, ref);
}

/** A part of a rule's text without a sourcenote: the default value's CN code and variant, else as written. */
function printedRulePart(t: Translate, part: string): string {
  const m = /^CN ([\d ]+) \((.+)\)$/.exec(part);
  return m ? `CN ${m[1]!} (${variantIn(t, m[2]!)})` : part;
}

/** A default value's variant (its label in the pack, "grey/other") in the reader's language, else as the pack writes it. */
function variantIn(t: Translate, label: string): string {
  const row = definitivePack().defaultValues.values.find((v) => v.variantLabel === label);
  return (row?.variant && tOr(t, `cbam:variants.${row.variant}`)) ?? label;
}

/** A rule's text (act, annex, table, note joined by ", "): the longest runs of parts that have a translation, translated. */
function ruleText(t: Translate, ref: string): string {
  const parts = ref.split(', ');
  const out: string[] = [];
  for (let i = 0; i < parts.length;) {
    let j = parts.length;
    for (; j > i + 1; j--) {
      const run = parts.slice(i, j).join(', ');
      if (sourceNoteIn(t, run) !== run) break;
    }
    const run = parts.slice(i, j).join(', ');
    const tr = sourceNoteIn(t, run);
    out.push(tr === run ? printedRulePart(t, run) : tr);
    i = j;
  }
  return out.join(', ');
}

/** A figure's source (several joined by "; ") in the reader's language. */
export function printedSourceRef(t: Translate, ref: string): string {
  const whole = sourceNoteIn(t, ref);
  if (whole !== ref) return whole;
  return ref
    .split(/;\s+/)
    .map((p) => printedPart(t, p))
    .join(t('cbamdocs:own.sourceSep'));
}

/** Where a figure sits in the data ("processes[0].production[0].amount"), as field names in the reader's language. */
export function printedFieldPath(t: Translate, path: string): string {
  const parts = [...path.matchAll(/([A-Za-z0-9]+)(?:\[(\d+)\])?/g)].map((m) =>
    m[2] !== undefined
      ? (tOr(t, `cbamdocs:own.item.${m[1]}`, { n: Number(m[2]) + 1 }) ?? `${m[1]} ${Number(m[2]) + 1}`)
      : (tOr(t, `cbamdocs:own.field.${m[1]}`) ?? m[1]!),
  );
  return parts.join(' › ');
}

/** The goods category's name in the reader's language (the template's English name when the pack has no id for it). */
export function printedCategory(t: Translate, templateName: string): string {
  const c = definitivePack().categories.find((x) => x.templateName === templateName);
  return (c && tOr(t, `cbam:categories.${c.id}`)) ?? templateName;
}

/** The process's name: "<category> (<dataset title>)" with the category translated; a name of the user's own as typed. */
export function printedProcessName(t: Translate, name: string, templateName: string): string {
  if (!name.startsWith(`${templateName} (`) || !name.endsWith(')')) return name;
  return t('cbamdocs:own.processName', { category: printedCategory(t, templateName), name: name.slice(templateName.length + 2, -1) });
}

/**
 * The CN description: one the user gave as typed; else the pack's (English) in English, and in another language the
 * printed code (the app has no official translation of the nomenclature's descriptions).
 */
export function printedCnName(t: Translate, cn: string, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  const name = matchCn(definitivePack(), cn)?.name;
  // the name per language: the description in English, the printed code where no official translation exists
  return name === undefined ? undefined : t('cbamdocs:own.cnName', { name, name_zh: printCn(cn), name_ar: printCn(cn) });
}

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const INSTRUMENT_IDS: Record<string, string> = { 'National Emissions Trading System': 'national-ets', 'Regional Emissions Trading System': 'regional-ets' };

/** A word of the template's lists (instrument, rebate, method "actual"/"default"/"mixed") in the reader's language. */
export function printedChoice(t: Translate, list: 'instrument' | 'rebate' | 'dataSource', word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  if (list === 'dataSource') return tOr(t, `cbamdocs:own.dataSource.${word}`) ?? word;
  return tOr(t, `installation:${list}.${INSTRUMENT_IDS[word] ?? slug(word)}`) ?? word;
}
