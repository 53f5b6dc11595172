#!/usr/bin/env node
// Converts the shared CBAM data files into rule-pack JSON committed under rules/ (the app never reads ../shared at run time).
//   node tools/build-cbam-data.mjs [sharedDir]      (default: ../shared/cbam, relative to the repository root)
// Writes:
//   rules/eu-cbam-definitive/cn-codes.json, rules/eu-cbam-transitional/cn-codes.json   (749 CN codes, template v2.1.1)
//   rules/eu-cbam-definitive/default-values-cn.json                                    (China defaults, IR (EU) 2025/2621 Annex I as replaced by IR (EU) 2026/1740)
// Re-run it when a shared file changes, then bump `version` and `dataVersion` in the packs' pack.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.argv[2] ?? join(root, '..', 'shared', 'cbam');
const CN_FILE = 'cn_codes_from_commission_template_v2.1.1.csv';
const DV_FILE = 'default_values_china_IR2025-2621.csv';

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, commas inside quotes); lines starting with # are comments. */
function parseCsv(text) {
  const rows = [];
  let row = [],
    field = '',
    q = false;
  const lines = text
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i];
    if (q) {
      if (c === '"' && lines[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [head, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

// Aggregated goods category names as printed in the template -> category ids used by the packs (categories in pack.json)
const CATEGORY = {
  'Cement clinker': 'cement-clinker',
  Cement: 'cement',
  'Calcined clays': 'calcined-clays',
  'Aluminous cement': 'aluminous-cement',
  'Sintered Ore': 'sintered-ore',
  'Pig iron': 'pig-iron',
  'Alloys (FeMn, FeCr, FeNi)': 'alloys',
  'Direct reduced iron': 'dri',
  'Crude steel': 'crude-steel',
  'Iron or steel products': 'iron-steel-products',
  'Unwrought aluminium': 'unwrought-aluminium',
  'Aluminium products': 'aluminium-products',
  Hydrogen: 'hydrogen',
  Ammonia: 'ammonia',
  'Nitric acid': 'nitric-acid',
  Urea: 'urea',
  'Mixed fertilisers': 'mixed-fertilisers',
  'Electricity (export to EU)': 'electricity',
};
const cat = (name) => {
  const id = CATEGORY[name];
  if (!id) throw new Error(`unknown aggregated goods category: ${name}`);
  return id;
};

const cnRows = parseCsv(readFileSync(join(shared, CN_FILE), 'utf8'));
const codes = cnRows.map((r) => {
  const code = r.cn_code.replace(/\s+/g, '');
  if (!/^\d{4}(\d{2}){0,2}$/.test(code)) throw new Error(`bad CN code in ${CN_FILE}: ${r.cn_code}`);
  return { code, printed: r.cn_code, name: r.cn_name, category: cat(r.aggregated_goods_category) };
});
if (codes.length !== 749) throw new Error(`expected 749 CN codes, got ${codes.length}`);
const cnJson = {
  dataFile: CN_FILE,
  source: {
    act: 'Regulation (EU) 2023/956',
    annex: 'Annex I (goods and greenhouse gases)',
    table: 'CBAM Communication template for installations v2.1.1 (13 Dec 2024), sheet c_CodeLists',
    note: 'CN codes at 4-, 6- and 8-digit level with their aggregated goods category, as listed by the Commission template.',
  },
  count: codes.length,
  codes,
  // CN structure the list does not show: heading 2523 is listed only through its five subheadings (HS 2022)
  subdivisions: {
    source: {
      act: 'Council Regulation (EEC) No 2658/87',
      annex: 'Annex I (Combined Nomenclature)',
      table: 'heading 2523',
      note: 'Heading 2523 has the subheadings 2523 10, 2523 21, 2523 29, 2523 30 and 2523 90 (Harmonized System 2022), each listed in Annex I of Regulation (EU) 2023/956 at 8 digits.',
    },
    entries: [{ code: '2523', subdivisions: ['252310', '252321', '252329', '252330', '252390'] }],
  },
};

const dvRows = parseCsv(readFileSync(join(shared, DV_FILE), 'utf8'));
const num = (s) => (s === '' ? null : Number(s));
const variantId = (v) => (v === '' ? null : v.startsWith('white') ? 'white' : v.startsWith('grey') ? 'grey' : v.startsWith('TARIC') ? null : v);
const dvSource = {
  act: 'Implementing Regulation (EU) 2025/2621',
  annex: 'Annex I, as replaced by Implementing Regulation (EU) 2026/1740',
  table: 'China (CN)',
  note: 'Base value without mark-up, tCO2e per tonne of good.',
};
const values = dvRows.map((r) => {
  const code = r.cn_code.replace(/\s+/g, '');
  if (!/^\d{4}(\d{2}){0,2}$/.test(code)) throw new Error(`bad CN code in ${DV_FILE}: ${r.cn_code}`);
  const v = {
    cn: code,
    variant: variantId(r.variant),
    variantLabel: r.variant === '' ? null : r.variant,
    // TARIC split of clinker and other hydraulic cement: additional code 10 white, 90 grey/other
    ...(['25231000', '25239000'].includes(code) && variantId(r.variant) ? { taric: [`${code}${variantId(r.variant) === 'white' ? '10' : '90'}`] } : {}),
    direct: num(r.direct),
    indirect: num(r.indirect),
    total: num(r.total),
    route: r.route === '' ? null : r.route,
    category: cat(r.aggregated_goods_category),
    source: dvSource,
  };
  for (const k of ['direct', 'indirect', 'total']) if (v[k] !== null && !Number.isFinite(v[k])) throw new Error(`bad ${k} for ${code}`);
  return v;
});
const dvJson = {
  dataFile: DV_FILE,
  country: 'CN',
  unit: 'tCO2e/t',
  source: {
    ...dvSource,
    note: `${dvSource.note} Transcribed in ${DV_FILE} from the Commission workbook (via a public dbt seed, spot-checked against a second transcription); empty = "-" in the annex (the "Other countries and territories" table applies).`,
  },
  confidence: 'likely',
  count: values.length,
  values,
};

const write = (rel, obj) => {
  writeFileSync(join(root, rel), JSON.stringify(obj, null, 1) + '\n');
  console.log(`wrote ${rel}`);
};
write('rules/eu-cbam-definitive/cn-codes.json', cnJson);
write('rules/eu-cbam-transitional/cn-codes.json', cnJson);
write('rules/eu-cbam-definitive/default-values-cn.json', dvJson);
