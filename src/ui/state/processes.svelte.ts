/**
 * View state of the installation's production processes (dataset format version 2) in the dataset editor: the
 * processes, their products, flows between them and each inventory line's process. Every change goes through the
 * dataset editor (undo, validation by the core, autosave with revisions and the journal), so nothing typed is lost;
 * the lists offered (aggregated goods categories, routes, default-value variants, instruments) are the pack's and the
 * schema's, never written here.
 */
import type { DatasetEditor } from './editor.svelte';
import type { Path } from './path';
import { CarbonPricePaid, PrecursorInfo, definitivePack, type CbamPack, type QualifyingParam } from '../core';

/** The communication template's limits (10 production processes, 100 products: sheet A, section 5). */
export const MAX_PROCESSES = 10;
export const MAX_PRODUCTS = 100;

/** The schema's own lists (dataset format v2), so the choices offered are the ones the core accepts. */
export const INSTRUMENTS = CarbonPricePaid.shape.instrument.options as readonly string[];
export const REBATES = CarbonPricePaid.shape.rebate.unwrap().options as readonly string[];
export const EF_SOURCES = PrecursorInfo.shape.embedded.unwrap().shape.electricityEfSource.unwrap().options as readonly string[];
/**
 * Names of qualifying parameters offered as suggestions (the template's Summary_Products columns); any name may be typed.
 * Each is one of the core's parameters (src/core/model/qualifying.ts QUALIFYING_PARAMS), the names the template mapping reads.
 */
export const QUALIFYING_NAMES: readonly QualifyingParam[] = [
  'mnPct',
  'crPct',
  'niPct',
  'otherAlloysPct',
  'carbonPct',
  'scrapShare',
  'preConsumerScrapPct',
  'nonAluminiumPct',
  'clinkerShare',
  'calcined',
  'concentrationPct',
  'nPct',
  'nAmmoniumPct',
  'nNitratePct',
  'nUreaPct',
];

type Rec = Record<string, any>;
export interface ProcessRow {
  id: string;
  name: string;
  category: string;
  route: string;
  products: Rec[];
  inputs: Rec[];
  raw: Rec;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** The processes of a stored dataset (raw JSON), for pickers outside the editor (Calculate view). */
export function processesOf(data: unknown): { id: string; name: string }[] {
  const list = (data as { processes?: unknown } | null | undefined)?.processes;
  return Array.isArray(list) ? list.filter((p) => p && typeof p === 'object').map((p: Rec) => ({ id: str(p.id), name: str(p.name) })) : [];
}

export class ProcessesState {
  readonly ed: DatasetEditor;
  /** the pack whose categories, routes and default values are offered (the EU definitive pack) */
  readonly pack: CbamPack;

  constructor(ed: DatasetEditor, pack: CbamPack = definitivePack()) {
    this.ed = ed;
    this.pack = pack;
  }

  processes = $derived.by((): ProcessRow[] => {
    const list = this.ed.get(['processes']);
    if (!Array.isArray(list)) return [];
    return list.map((p: Rec) => ({
      id: str(p?.id),
      name: str(p?.name),
      category: str(p?.category),
      route: str(p?.route),
      products: Array.isArray(p?.products) ? p.products : [],
      inputs: Array.isArray(p?.inputs) ? p.inputs : [],
      raw: p ?? {},
    }));
  });
  has = $derived(this.processes.length > 0);
  productCount = $derived(this.processes.reduce((n, p) => n + p.products.length, 0));
  canAdd = $derived(this.processes.length < MAX_PROCESSES);
  canAddProduct = $derived(this.productCount < MAX_PRODUCTS);

  /** The pack's aggregated goods categories (id; the view names them). */
  categories(): string[] {
    return this.pack.categories.map((c) => c.id);
  }
  /** The pack's production routes of a category (none when the category is not set or unknown). */
  routes(category: string): string[] {
    return this.pack.categories.find((c) => c.id === category)?.routes ?? [];
  }
  /** Default-value variants the pack's table has for a precursor's CN code (e.g. white / grey clinker under 2523 10 00). */
  variants(cn: unknown): { value: string; label: string }[] {
    const digits = str(cn).replace(/[\s.\-]/g, '');
    if (digits.length < 4) return [];
    const dv = (this.pack as { defaultValues?: { values: { cn: string; variant: string | null; variantLabel: string | null }[] } }).defaultValues;
    const out = new Map<string, string>();
    for (const v of dv?.values ?? []) if (v.variant && (digits.startsWith(v.cn) || v.cn.startsWith(digits))) out.set(v.variant, v.variantLabel ?? v.variant);
    return [...out].map(([value, label]) => ({ value, label }));
  }

  private nextId(prefix: string, taken: Set<string>): string {
    let n = taken.size + 1;
    while (taken.has(`${prefix}${n}`)) n++;
    return `${prefix}${n}`;
  }
  private productIds(): Set<string> {
    return new Set(this.processes.flatMap((p) => p.products.map((x) => str(x?.id))));
  }

  /**
   * Add a production process. The first one takes the dataset's product (CN code, name), its production and every
   * installation line and purchased precursor (a dataset without processes is one process: nothing changes in its figures).
   */
  add(): void {
    if (!this.canAdd) return;
    const id = this.nextId('P', new Set(this.processes.map((p) => p.id)));
    const first = !this.has;
    const productId = this.nextId('G', this.productIds());
    this.ed.change(null, (d) => {
      // read back after assigning: the stored array is the state's proxy (a push on the plain array would not be seen)
      d.processes ??= [];
      const list = d.processes as Rec[];
      const prod = (d.product ?? {}) as Rec;
      const name = first ? str(prod.name?.en || prod.name?.zh || prod.name?.ar) : '';
      const basis = d.basis as Rec | undefined;
      const production = first && basis?.kind === 'per-period' && basis.production ? { ...basis.production } : { amount: '', unit: 't' };
      list.push({
        id,
        name,
        production,
        inputs: [],
        products: [{ id: productId, cnCode: first ? str(prod.cnCode) : '', name }],
      });
      // the installation's lines and its purchased precursors (the lines the core asks a process of)
      if (first)
        for (const l of (d.inventory as Rec[] | undefined) ?? [])
          if (l && !l.processId && (l.location === 'installation' || (l.category === 'precursor-material' && l.precursor))) l.processId = id;
    });
  }

  /** Remove a process: flows from it and lines naming it lose that reference; the last one removed gives a dataset without processes. */
  remove(i: number): void {
    const gone = this.processes[i]?.id;
    this.ed.change(null, (d) => {
      const list = d.processes as Rec[];
      list.splice(i, 1);
      for (const p of list) if (Array.isArray(p.inputs)) p.inputs = p.inputs.filter((x: Rec) => x?.fromProcess !== gone);
      for (const l of (d.inventory as Rec[] | undefined) ?? []) if (l && (list.length === 0 || l.processId === gone)) delete l.processId;
      if (list.length === 0) delete d.processes;
    });
  }

  /** Change a process's id; lines and flows naming it follow (unless another process has the same id while typing). */
  rename(i: number, next: string): void {
    const old = this.processes[i]?.id;
    const unique = this.processes.filter((p) => p.id === old).length === 1;
    this.ed.change(`set:processes.${i}.id`, (d) => {
      const list = d.processes as Rec[];
      list[i]!.id = next;
      if (!unique || old === undefined || old === '') return;
      for (const p of list) for (const x of p.inputs ?? []) if (x?.fromProcess === old) x.fromProcess = next;
      for (const l of (d.inventory as Rec[] | undefined) ?? []) if (l?.processId === old) l.processId = next;
    });
  }

  addProduct(i: number): void {
    if (!this.canAddProduct) return;
    const id = this.nextId('G', this.productIds());
    this.ed.change(null, (d) => {
      const p = (d.processes as Rec[])[i]!;
      p.products ??= [];
      p.products.push({ id, cnCode: '', name: '' });
    });
  }
  removeProduct(i: number, j: number): void {
    this.ed.change(null, (d) => (d.processes as Rec[])[i]!.products.splice(j, 1));
  }

  addInput(i: number): void {
    const from = this.processes.find((p, k) => k !== i)?.id ?? '';
    this.ed.change(null, (d) => {
      const p = (d.processes as Rec[])[i]!;
      p.inputs ??= [];
      p.inputs.push({ fromProcess: from, amount: '', unit: 't' });
    });
  }
  removeInput(i: number, j: number): void {
    this.ed.change(null, (d) => (d.processes as Rec[])[i]!.inputs.splice(j, 1));
  }

  /** Switch an optional part of a process or product on (empty: the core asks for what is required) or off. */
  toggle(path: Path, on: boolean): void {
    const parent = path.slice(0, -1);
    const key = path[path.length - 1]!;
    this.ed.change(null, (d) => {
      let o: Rec = d;
      for (const k of parent) o = o[k];
      if (on) o[key] = key === 'carbonPrice' ? { instrument: '' } : {};
      else delete o[key];
    });
  }

  /** Qualifying parameters of a product as name/value rows (kept in the order typed). */
  qualifying(i: number, j: number): [string, unknown][] {
    const q = this.ed.get(['processes', i, 'products', j, 'qualifying']);
    return q && typeof q === 'object' ? Object.entries(q as Rec) : [];
  }
  addQualifying(i: number, j: number): void {
    const have = new Set(this.qualifying(i, j).map(([k]) => k));
    const name = QUALIFYING_NAMES.find((n) => !have.has(n)) ?? this.nextId('param', have);
    this.ed.change(null, (d) => {
      const p = (d.processes as Rec[])[i]!.products[j] as Rec;
      p.qualifying = { ...(p.qualifying ?? {}), [name]: '' };
    });
  }
  /** Rename a qualifying parameter in place; a name another row already has is refused (false), the row keeps its value. */
  renameQualifying(i: number, j: number, from: string, to: string): boolean {
    if (from === to) return true;
    if (this.qualifying(i, j).some(([k]) => k === to)) return false;
    this.ed.change(`qualifying:${i}.${j}.${from}`, (d) => {
      const p = (d.processes as Rec[])[i]!.products[j] as Rec;
      p.qualifying = Object.fromEntries(Object.entries(p.qualifying ?? {}).map(([k, v]) => [k === from ? to : k, v]));
    });
    return true;
  }
  removeQualifying(i: number, j: number, name: string): void {
    this.ed.change(null, (d) => {
      const p = (d.processes as Rec[])[i]!.products[j] as Rec;
      const { [name]: _gone, ...rest } = p.qualifying ?? {};
      if (Object.keys(rest).length) p.qualifying = rest;
      else delete p.qualifying;
    });
  }

  /** Processes a line may belong to (id and name) for the line's picker. */
  options = $derived(this.processes.map((p) => ({ value: p.id, label: p.name ? `${p.id} · ${p.name}` : p.id })));
}

/* ---- the installation's CBAM result (a dataset with production processes) ---- */

type Docs = typeof import('../core-docs');
export type InstallationResultT = import('../core-docs').InstallationConversion;
export type InstallationDocOutcome = { ok: true; file: string; warnings?: import('../core').Message[] } | { ok: false; errors: import('../core').Message[] };

/**
 * The installation's result for the CBAM view: the core's convertInstallation (loaded with the document layer, on
 * demand) for the period and electricity choice, and the downloads of the whole installation (the official template
 * filled from the installation's documents model, and the own workbook) through the documents state.
 */
export class InstallationResultState {
  result = $state.raw<InstallationResultT | null>(null);
  /** the conversion refused the dataset as a whole (the core's messages) */
  errors = $state.raw<import('../core').Message[]>([]);
  busy = $state('');
  outcome = $state.raw<{ kind: string; out: InstallationDocOutcome } | null>(null);
  private docs: Docs | null = null;
  private seq = 0;

  async run(dataset: import('../core').Dataset, options: { period: string; electricity?: Record<string, unknown> }): Promise<void> {
    const n = ++this.seq;
    this.docs ??= await import('../core-docs');
    const r = this.docs.convertInstallation(dataset, options as never);
    if (n !== this.seq) return;
    if ('status' in r && r.status === 'installation') {
      this.result = r as InstallationResultT;
      this.errors = [];
    } else {
      this.result = null;
      this.errors = r.ok ? [] : (r as { errors: import('../core').Message[] }).errors;
    }
  }

  async template(file: File, base: string): Promise<void> {
    const model = this.result?.docs;
    if (!model) return;
    await this.job('template', () => import('./docs').then((d) => d.filledInstallationTemplate(model, file, base)));
  }

  async workbook(base: string): Promise<void> {
    const model = this.result?.docs;
    if (!model) return;
    await this.job('workbook', () => import('./docs').then((d) => d.installationWorkbook(model, base)));
  }

  private async job(kind: string, fn: () => Promise<InstallationDocOutcome>): Promise<void> {
    this.busy = kind;
    this.outcome = null;
    try {
      this.outcome = { kind, out: await fn() };
    } finally {
      this.busy = '';
    }
  }
}
