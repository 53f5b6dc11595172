/**
 * Cell values → dataset values: numbers typed as text (Arabic-Indic, full-width, grouped), dates as Excel serial
 * numbers or typed text, yes/no, and the codes of the dataset's lists with their Chinese and English spellings.
 * All lookups go through Maps (a header or a cell can never reach an object's prototype).
 */
import {
  CATEGORIES,
  DATA_TYPES,
  ELECTRICITY_SOURCES,
  LOCATIONS,
  STAGES,
  BOUNDARIES,
  ALLOCATION_METHODS,
  GWP_SET_IDS,
  CarbonPricePaid,
  PrecursorInfo,
} from '../model/dataset';
import { definitivePack } from '../cbam/packs';
import { GASES } from '../model/gases';
import { parseNumberText, normaliseDigits } from '../model/normalise';
import type { CellValue } from './read';

export const isEmpty = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Text of a cell (numbers in their shortest form). Not trimmed: text round-trips exactly. */
export function cellText(v: CellValue | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number') return String(v);
  return v ? 'TRUE' : 'FALSE';
}

/** A number from a cell: numbers pass, typed text is normalised; undefined when not a number. */
export function cellNumber(v: CellValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') return parseNumberText(v);
  return undefined;
}

/** Excel serial day (1900 or 1904 system) → ISO date. */
export function serialToIso(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return undefined;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  // 1900 system: serial 60 is the non-existent 1900-02-29; Date.UTC(1899, 11, 30) absorbs it for serials > 60
  const ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** A date from a cell: serial number, ISO text, 2024/1/5, 2024.1.5, 2024年1月5日. */
export function cellDate(v: CellValue | undefined, date1904 = false): string | undefined {
  if (typeof v === 'number') return serialToIso(v, date1904);
  if (typeof v !== 'string') return undefined;
  const s = normaliseDigits(v.trim());
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d) return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
    return undefined;
  }
  const serial = parseNumberText(s);
  return serial !== undefined && /^\d+(\.\d+)?$/.test(s) ? serialToIso(serial, date1904) : undefined;
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '对', 'نعم', 'x', '✓']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '不', 'لا']);
export function cellBool(v: CellValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  return TRUE.has(s) ? true : FALSE.has(s) ? false : undefined;
}

const norm = (s: string): string =>
  normaliseDigits(s)
    .toLowerCase()
    .replace(/[\s_\-–—·.()（）/、,，:：]+/g, '');

function table(codes: readonly string[], aliases: Record<string, string[]>): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of codes) m.set(norm(c), c);
  for (const [code, list] of Object.entries(aliases)) for (const a of list) m.set(norm(a), code);
  return m;
}

/** A list read from the EU definitive pack on first use (importing this module reads no pack). */
function packList(read: () => readonly string[]): { readonly codes: readonly string[]; readonly map: Map<string, string> } {
  let codes: readonly string[] | undefined;
  let map: Map<string, string> | undefined;
  return {
    get codes() {
      return (codes ??= read());
    },
    get map() {
      return (map ??= table(this.codes, {}));
    },
  };
}
const PROCESS_CATEGORIES = packList(() => definitivePack().categories.map((c) => c.id as string));
const PROCESS_ROUTES = packList(() => [...new Set(definitivePack().categories.flatMap((c) => c.routes))]);
const CARBON_INSTRUMENTS = CarbonPricePaid.shape.instrument.options;
const REBATES = CarbonPricePaid.shape.rebate.unwrap().options;
const EF_SOURCES = PrecursorInfo.shape.embedded.unwrap().shape.electricityEfSource.unwrap().options;

/** Codes of each list with the spellings people use (Chinese, English, short forms). */
export const LISTS = {
  stage: {
    codes: STAGES,
    map: table(STAGES, {
      'raw-material-acquisition': [
        '原材料获取',
        '原材料获取阶段',
        '原料获取',
        '原材料',
        '原料',
        'raw material acquisition',
        'raw materials',
        'upstream',
        'cradle',
      ],
      production: ['生产', '生产阶段', '制造', '制造阶段', 'manufacturing', 'manufacture'],
      distribution: ['分销', '分销阶段', '运输', '运输阶段', '销售运输', 'transport', 'distribution and transport'],
      use: ['使用', '使用阶段', 'use stage', 'use phase'],
      'end-of-life': ['废弃', '寿命终止', '生命末期', '废弃处置', '回收处置', '报废', 'end of life', 'eol', 'disposal'],
    }),
  },
  category: {
    codes: CATEGORIES,
    map: table(CATEGORIES, {
      'fuel-combustion': ['燃料燃烧', '化石燃料燃烧', '燃烧', 'fuel', 'combustion', 'fuel combustion', 'stationary combustion'],
      'process-emission': ['过程排放', '工业过程', '工艺排放', 'process', 'process emissions'],
      electricity: ['电力', '外购电力', '电', '用电', 'power', 'purchased electricity', 'electricity consumption'],
      'purchased-heat-steam': ['外购热力', '外购蒸汽', '热力', '蒸汽', '热', 'heat', 'steam', 'purchased heat', 'purchased steam', 'heat and steam'],
      'precursor-material': [
        '原材料',
        '原料',
        '前体',
        '前体材料',
        '外购原料',
        '物料',
        'material',
        'materials',
        'raw material',
        'precursor',
        'purchased materials',
      ],
      transport: ['运输', '交通', 'logistics', 'freight'],
      waste: ['废弃物', '废物', '固废', 'waste treatment'],
      packaging: ['包装', '包装材料'],
      'capital-goods': ['资本品', '固定资产', '设备', 'capital goods', 'infrastructure'],
      other: ['其他', '其它', 'misc', 'miscellaneous'],
    }),
  },
  location: {
    codes: LOCATIONS,
    map: table(LOCATIONS, {
      installation: ['设施内', '厂内', '场内', '现场', 'on-site', 'onsite', 'inside'],
      upstream: ['上游', '供应链上游'],
      downstream: ['下游'],
    }),
  },
  dataType: {
    codes: DATA_TYPES,
    map: table(DATA_TYPES, {
      primary: ['初级', '初级数据', '一手', '一手数据', '实景', '实景数据', '现场数据', '实测', 'site-specific', 'specific', 'measured'],
      secondary: ['次级', '次级数据', '二手', '二手数据', '背景数据', '数据库', 'generic', 'database', 'default'],
    }),
  },
  electricitySource: {
    codes: ELECTRICITY_SOURCES,
    map: table(ELECTRICITY_SOURCES, {
      'national-grid': ['全国电网', '全国平均', '国家电网', 'national', 'grid', 'national grid average'],
      'regional-grid': ['区域电网', '区域', 'regional'],
      'provincial-grid': ['省级电网', '省电网', '省级', 'provincial'],
      'direct-line': ['直供电', '专线', '直连', 'direct', 'direct line', 'direct connection'],
      ppa: ['购电协议', '绿电交易', '绿电', 'power purchase agreement'],
      'green-certificate': ['绿证', '绿色电力证书', 'gec', 'rec', 'green certificates'],
      'onsite-generation': ['自发电', '自备电厂', '厂内发电', '光伏自发自用', 'onsite', 'self-generation', 'on-site generation'],
    }),
  },
  gas: {
    codes: GASES,
    map: table(GASES, {
      CO2_fossil: ['CO2', 'CO₂', '二氧化碳', '化石CO2', 'fossil CO2', 'CO2 fossil', 'CO2f'],
      CO2_biogenic: ['生物源CO2', '生物质CO2', 'biogenic CO2', 'CO2 biogenic', 'CO2b'],
      CH4_fossil: ['CH4', 'CH₄', '甲烷', '化石CH4', 'methane', 'fossil CH4'],
      CH4_biogenic: ['生物源CH4', 'biogenic CH4', 'CH4 biogenic'],
      N2O: ['N₂O', '氧化亚氮', 'nitrous oxide'],
      CF4: ['CF₄', '四氟化碳', 'PFC-14'],
      C2F6: ['C₂F₆', '六氟乙烷', 'PFC-116'],
      SF6: ['SF₆', '六氟化硫'],
      NF3: ['NF₃', '三氟化氮'],
      'HFC-23': ['HFC23', 'CHF3'],
      'HFC-134a': ['HFC134a', 'R134a', 'R-134a'],
      CO2e: ['CO2eq', 'CO2-eq', 'CO₂e', 'CO₂eq', 'CO2当量', '二氧化碳当量', 'GHG', '温室气体', 'CO2 equivalent', 'tCO2e', 'kgCO2e'],
    }),
  },
  boundary: {
    codes: BOUNDARIES,
    map: table(BOUNDARIES, {
      'cradle-to-gate': ['从摇篮到大门', '摇篮到大门', '摇篮到工厂大门'],
      'cradle-to-grave': ['从摇篮到坟墓', '摇篮到坟墓'],
      'gate-to-gate': ['从大门到大门', '大门到大门'],
    }),
  },
  allocation: {
    codes: ALLOCATION_METHODS,
    map: table(ALLOCATION_METHODS, {
      none: ['无', '不分配', '无分配'],
      physical: ['物理分配', '质量分配', '物理', 'mass'],
      economic: ['经济分配', '经济价值分配', '经济'],
      'system-expansion': ['系统扩展', '替代法'],
      other: ['其他', '其它'],
    }),
  },
  gwpSet: {
    codes: GWP_SET_IDS,
    map: table(GWP_SET_IDS, { AR4: ['IPCC AR4', '第四次评估报告'], AR5: ['IPCC AR5', '第五次评估报告'], AR6: ['IPCC AR6', '第六次评估报告'] }),
  },
  basisKind: {
    codes: ['per-functional-unit', 'per-period'] as const,
    map: table(['per-functional-unit', 'per-period'], {
      'per-functional-unit': ['每功能单位', '按功能单位', 'per unit', 'functional unit'],
      'per-period': ['每报告期', '按报告期', '报告期', 'per period', 'period'],
    }),
  },
  emissionsKind: {
    codes: ['factors', 'measured'] as const,
    map: table(['factors', 'measured'], {
      factors: ['排放因子', '因子', 'factor', 'emission factors'],
      measured: ['实测', '测量', '排放量', 'measured masses', 'masses'],
    }),
  },
  reportedUnit: {
    codes: ['kgCO2e', 'tCO2e'] as const,
    map: table(['kgCO2e', 'tCO2e'], { kgCO2e: ['千克CO2e', 'kg CO2e', 'kgCO2eq', 'kg'], tCO2e: ['吨CO2e', 't CO2e', 'tCO2eq', 't'] }),
  },
  // format version 2 (production processes): the EU definitive pack's aggregated goods categories and routes, the
  // carbon-price instrument and rebate of the schema, the template's D.4 source codes of an electricity factor
  processCategory: PROCESS_CATEGORIES,
  processRoute: PROCESS_ROUTES,
  carbonInstrument: { codes: CARBON_INSTRUMENTS, map: table(CARBON_INSTRUMENTS, {}) },
  rebate: { codes: REBATES, map: table(REBATES, {}) },
  efSource: { codes: EF_SOURCES, map: table(EF_SOURCES, {}) },
} as const;

export type ListName = keyof typeof LISTS;

/** Code for a cell in a list: the code itself, a known spelling, or "code label" as our drop-downs show it. */
export function listCode(list: ListName, v: CellValue | undefined): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = String(v).trim();
  if (s === '') return undefined;
  const m = LISTS[list].map;
  return m.get(norm(s)) ?? m.get(norm(s.split(/\s+/)[0] ?? ''));
}
