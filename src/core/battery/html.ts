/**
 * The battery declaration as an A4 HTML document (zh/en/ar), the same for the CLI (--out declaration.html)
 * and the web app (printed by the browser). A "public version" leaves out the lines the maker marks
 * confidential. Every figure shows its unit and source; a missing figure is shown as missing.
 */
import { translateMessage, type TFunction } from '../i18n/translate';
import type { SourceRef } from '../packs/schema';
import type { BatteryComparison } from './compare';
import type { BatteryDeclaration } from './declaration';
import type { DueResult } from './due';

export type DocLang = 'zh' | 'en' | 'ar';
export interface DocCtx {
  lang: DocLang;
  t: TFunction;
  /** Number formatter (the UI passes its own for the user's digits); Latin digits by default. */
  num?: (n: number, dp: number) => string;
}

export const esc = (s: string | number): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Latin digits, grouping, exactly as many decimals as asked at most. */
export function fmtNum(n: number, lang: DocLang, dp = 3): string {
  const s = new Intl.NumberFormat(`${lang === 'zh' ? 'zh-CN' : lang === 'ar' ? 'ar' : 'en-GB'}-u-nu-latn`, { maximumFractionDigits: dp }).format(n);
  return /^-0([.,]0*)?$/.test(s) ? '0' : s;
}

const pick = (x: { en: string; zh: string; ar: string }, l: DocLang) => x[l] || x.en;

function num(c: DocCtx, n: number | null, dp: number, testid?: string): string {
  const id = testid ? ` data-testid="${esc(testid)}"` : '';
  if (n === null) return `<span class="missing"${id}>${esc(c.t('battery:doc.missingValue'))}</span>`;
  return `<bdi dir="ltr"${id}>${esc(c.num ? c.num(n, dp) : fmtNum(n, c.lang, dp))}</bdi>`;
}

/** The key of a legal reference's act or locator in the battery namespace: the English text in lower case, runs of other characters as "-". */
export const refKey = (kind: 'act' | 'clause', text: string): string =>
  `battery:ref.${kind}.${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)}`;

/** An act or locator of the pack data (written in English) in the reader's language; as written when no translation exists. */
export function refText(c: DocCtx, kind: 'act' | 'clause', text: string): string {
  const key = refKey(kind, text);
  const out = c.t(key);
  return out === key || out === key.slice('battery:'.length) ? text : out;
}

/** A legal reference: act and locator in the reader's language, then the public document's address (not as prose). */
export function sourceHtml(s: SourceRef, c: DocCtx): string {
  const parts = [esc(refText(c, 'act', s.act))];
  if (s.clause) parts.push(esc(refText(c, 'clause', s.clause)));
  let out = `<bdi>${parts.join(esc(c.t('battery:doc.refSep')))}</bdi>`;
  if (s.url) out += ` <span class="url" dir="ltr">${esc(s.url)}</span>`;
  if (s.uncertain)
    out += ` <span class="uncertain" data-uncertain>⚠ ${esc(c.t('battery:doc.uncertain'))}${c.lang === 'en' ? `: ${esc(s.uncertain)}` : ''}</span>`;
  return out;
}

export function dueText(d: DueResult, c: DocCtx): string {
  const t = c.t;
  if (d.kind === 'trial-then-routine') return t(`battery:doc.due.${d.phase}`, { from: d.trialFrom, until: d.trialUntil, routine: d.routineFrom });
  if (d.dueDate) return t(d.legallyDue ? 'battery:doc.due.dueSince' : 'battery:doc.due.dueOn', { date: d.dueDate });
  const acts = d.acts
    .filter((a) => d.pending.includes(a.id))
    .map((a) => pick(a.title, c.lang))
    .join(t('battery:doc.listSep'));
  return t('battery:doc.due.notYet', { acts, statutory: d.statutory ?? '—', months: d.lagMonths ?? '—' });
}

function itemValue(d: BatteryDeclaration, field: string, c: DocCtx): string {
  const b = d.battery;
  const missing = `<span class="missing">${esc(c.t('battery:doc.missingValue'))}</span>`;
  switch (field) {
    case 'manufacturer':
      return esc([b.manufacturer.name, b.manufacturer.tradeName, b.manufacturer.address, b.manufacturer.web, b.manufacturer.email].filter(Boolean).join(' · '));
    case 'model':
      return `${esc(b.model)} · ${esc(c.t(`battery:category.${b.category}`))}${b.vehicleClass ? ` ${esc(b.vehicleClass)}` : ''} · ${esc(b.chemistry)} · ${num(c, b.usableEnergyKWh, 3)} kWh`;
    case 'plant':
      return esc([b.plant.town, b.plant.region, b.plant.country].filter(Boolean).join(', '));
    case 'total':
      return d.total.kgPerKWh === null ? missing : `${num(c, d.total.kgPerKWh, 4)} kg CO2e/kWh`;
    case 'stages':
      return esc(c.t('battery:doc.seeStages'));
    case 'euDeclarationOfConformityId':
      return b.euDeclarationOfConformityId ? esc(b.euDeclarationOfConformityId) : missing;
    case 'publicStudyUrl':
      return b.publicStudyUrl ? `<span class="url" dir="ltr">${esc(b.publicStudyUrl)}</span>` : missing;
    default:
      return missing;
  }
}

function fuHtml(d: BatteryDeclaration, c: DocCtx): string {
  const t = c.t;
  const fu = d.functionalUnit;
  if (!fu) return `<p class="missing">${esc(t('battery:doc.fuMissing'))}</p>`;
  const cy = fu.cyclesPerYear;
  const cyText = cy.basis === 'default' ? t('battery:doc.cyclesDefault', { cls: cy.vehicleClass }) : t('battery:doc.cyclesOverride', { why: cy.justification });
  const y = fu.years;
  const yText =
    y.basis === 'time'
      ? t('battery:doc.yearsTime')
      : t(y.basis === 'usage' ? 'battery:doc.yearsUsage' : 'battery:doc.yearsShorter', {
          km: y.fromUsage?.usage,
          perYear: y.fromUsage?.perYear,
          kmYears: y.fromUsage?.years,
        });
  return `<p class="formula">${esc(t('battery:doc.formula'))}</p>
<p>${esc(t('battery:doc.eTotal'))} <bdi dir="ltr">${num(c, fu.usableEnergyKWh, 3)} kWh × ${num(c, cy.value, 3)} × ${num(c, y.years, 3)}</bdi> = <strong>${num(c, fu.eTotalKWh, 3, 'e-total')} kWh</strong></p>
<ul class="small"><li>${esc(t('battery:doc.cycles'))}: ${esc(cyText)} — ${sourceHtml(cy.source, c)}</li><li>${esc(t('battery:doc.years'))}: ${esc(yText)}${d.battery.serviceLife.kmRule ? ` (${esc(d.battery.serviceLife.kmRule)})` : ''}</li><li>${sourceHtml(fu.source, c)}</li></ul>`;
}

function stagesHtml(d: BatteryDeclaration, c: DocCtx): string {
  const t = c.t;
  const rows = d.stages
    .map(
      (s) =>
        `<tr data-stage="${esc(s.id)}"><td>${esc(pick(s.title, c.lang))}${s.advice ? `<div class="small missing">${esc(pick(s.advice, c.lang))}</div>` : ''}</td><td class="num">${num(c, s.kgPerBattery, 3, `stage-kg-${s.id}`)}</td><td class="num">${num(c, s.kgPerKWh, 4, `stage-kwh-${s.id}`)}</td><td class="src">${sourceHtml(s.source, c)}</td></tr>`,
    )
    .join('');
  const total = `<tr class="total"><th>${esc(t('battery:doc.total'))}${d.total.complete ? '' : ` <span class="missing">(${esc(t('battery:doc.partial'))})</span>`}</th><td class="num">${num(c, d.total.kgPerBattery, 3, 'total-kg')}</td><td class="num"><strong>${num(c, d.total.kgPerKWh, 4, 'total-kwh')}</strong></td><td></td></tr>`;
  const excl = d.excludedStages
    .map(
      (e) =>
        `<li data-excluded="${esc(e.stage)}">${esc(translateMessage(t, e.reason))} ${e.lines ? esc(t('battery:doc.excludedWouldAdd', { kg: e.kgPerBatteryIfIncluded === null ? '—' : fmtNum(e.kgPerBatteryIfIncluded, c.lang, 3), count: e.lines })) : ''} — ${sourceHtml(e.source, c)}</li>`,
    )
    .join('');
  return `<table><thead><tr><th>${esc(t('battery:doc.stage'))}</th><th>kg CO2e / ${esc(t('battery:doc.perBattery'))}</th><th>kg CO2e/kWh</th><th>${esc(t('battery:doc.source'))}</th></tr></thead><tbody>${rows}${total}</tbody></table><ul class="small">${excl}</ul>`;
}

function electricityHtml(d: BatteryDeclaration, c: DocCtx): string {
  const t = c.t;
  if (!d.electricity.length) return `<p>${esc(t('battery:doc.noElectricity'))}</p>`;
  const rows = d.electricity
    .map((e) => {
      const inst = e.instrument
        ? ` <strong class="${e.instrument}" data-instrument="${e.instrument}">${esc(t(`battery:doc.instrument.${e.instrument}`))}</strong>`
        : '';
      return `<tr data-elec="${esc(e.lineId)}"><td><bdi>${esc(e.lineId)}</bdi> ${esc(e.description)}<div class="small">${esc(t(`battery:source.${e.source || 'unknown'}`))}</div></td><td class="num">${num(c, e.reported.value, 4)} <span class="small">${esc(e.reported.unit)}</span></td><td class="num">${num(c, e.applied.value, 4)} <span class="small">${esc(e.applied.unit)}</span></td><td class="num">${e.ratio === null ? '—' : num(c, e.ratio, 4)}</td><td class="num">${num(c, e.kgReportedPerBattery ?? e.kgReported, 3)}</td><td class="num">${num(c, e.kgAppliedPerBattery ?? e.kgApplied, 3, `elec-after-${e.lineId}`)}</td><td class="small">${e.message ? esc(translateMessage(t, e.message)) : ''}${inst}${e.legalRef ? `<div>${sourceHtml(e.legalRef, c)}</div>` : ''}</td></tr>`;
    })
    .join('');
  const unit = d.perBattery ? t('battery:doc.perBattery') : t('battery:doc.perFu');
  return `<table class="elec"><thead><tr><th>${esc(t('battery:doc.line'))}</th><th>${esc(t('battery:doc.studyFactor'))}</th><th>${esc(t('battery:doc.ruleFactor'))}</th><th>${esc(t('battery:doc.ratio'))}</th><th>${esc(t('battery:doc.before'))} (kg CO2e / ${esc(unit)})</th><th>${esc(t('battery:doc.after'))} (kg CO2e / ${esc(unit)})</th><th>${esc(t('battery:doc.rule'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The body of the declaration (no <html>): the web app shows it in the page; the CLI wraps it with declarationHtml. */
export function declarationBody(d: BatteryDeclaration, c: DocCtx, opts: { publicVersion?: boolean } = {}): string {
  const t = c.t;
  const items = d.items
    .map(
      (it) =>
        `<dt>(${esc(it.id)}) ${esc(t(`battery:doc.item.${it.field}`))}</dt><dd data-item="${esc(it.id)}">${itemValue(d, it.field, c)} <span class="src">— ${sourceHtml(it.source, c)}</span></dd>`,
    )
    .join('');
  const options = d.options
    .map(
      (o) =>
        `<p class="small" data-option="${esc(o.id)}">${esc(t('battery:doc.option', { title: pick(o.title, c.lang), choice: pick(o.choices.find((x) => x.id === o.chosen)!.title, c.lang) }))}</p>`,
    )
    .join('');
  const pc = d.performanceClass;
  const pcText = pc.userClass
    ? t(pc.thresholdsFrom === 'pack' ? 'battery:doc.classPack' : 'battery:doc.classUser', { cls: pc.userClass })
    : t('battery:doc.classNotAdopted');
  const missing = d.missing.length
    ? `<h2>${esc(t('battery:doc.missingTitle'))}</h2><ul data-testid="missing">${d.missing.map((m) => `<li>${esc(translateMessage(t, m))}</li>`).join('')}</ul>`
    : '';
  const shown = d.lines.filter((l) => !(opts.publicVersion && l.confidential));
  const withheld = d.lines.length - shown.length;
  const lines = `<table class="lines"><thead><tr><th>${esc(t('battery:doc.line'))}</th><th>${esc(t('battery:doc.stage'))}</th><th>kg CO2e / ${esc(t(d.perBattery ? 'battery:doc.perBattery' : 'battery:doc.perFu'))}</th></tr></thead><tbody>${shown.map((l) => `<tr data-line="${esc(l.id)}"><td><bdi>${esc(l.id)}</bdi> ${esc(l.description)}</td><td>${esc(t(`core:stage.${l.stage}`))}</td><td class="num">${num(c, l.kgPerBattery, 3)}</td></tr>`).join('')}</tbody></table>${withheld ? `<p class="small" data-testid="withheld">${esc(t('battery:doc.withheld', { count: withheld }))}</p>` : ''}`;
  return `<section class="battery-doc" lang="${c.lang === 'zh' ? 'zh-CN' : c.lang}" dir="${c.lang === 'ar' ? 'rtl' : 'ltr'}">
<h1 data-testid="doc-title">${esc(t(opts.publicVersion ? 'battery:doc.publicTitle' : 'battery:doc.title'))}</h1>
<p><strong>${esc(pick(d.pack.title, c.lang))}</strong> · ${esc(t('battery:doc.version', { version: d.pack.version }))} · <span data-testid="pack-status">${esc(t(`battery:status.${d.pack.status}`))}</span></p>
${d.pack.notes ? `<div class="box" data-testid="draft-banner">${esc(pick(d.pack.notes, c.lang))}</div>` : ''}
<p data-testid="due">${esc(dueText(d.due, c))} <span class="src">— ${sourceHtml(d.due.source, c)}</span></p>
<h2>${esc(t('battery:doc.items'))}</h2><dl>${items}</dl>
<h2>${esc(t('battery:doc.fu'))}</h2>${fuHtml(d, c)}
<h2>${esc(t('battery:doc.byStage'))}</h2>${stagesHtml(d, c)}
<p class="small">${esc(t('battery:doc.gwp', { set: d.pack.gwpSet }))} — ${sourceHtml(d.pack.gwpSource, c)}</p>
<h2>${esc(t('battery:doc.electricity'))}</h2>${options}${electricityHtml(d, c)}
<h2>${esc(t('battery:doc.class'))}</h2><p data-testid="perf-class">${esc(pcText)} — ${sourceHtml(pc.source, c)}</p>
${missing}
<h2>${esc(t(opts.publicVersion ? 'battery:doc.publicLines' : 'battery:doc.lines'))}</h2>${lines}
<p class="small">${esc(t('battery:doc.basis', { pack: d.pack.id, asOf: d.asOf, dataset: d.dataset.title ?? d.dataset.id ?? '' }))}</p>
</section>`;
}

export const DOC_CSS = `@page { size: A4; margin: 14mm 12mm; }
body { font-family: "Noto Sans", "Noto Sans CJK SC", "Noto Naskh Arabic", "Noto Sans Arabic", sans-serif; font-size: 9.5pt; color: #111; margin: 0; }
.battery-doc { max-width: 186mm; margin: 0 auto; }
.battery-doc h1 { font-size: 14pt; } .battery-doc h2 { font-size: 11pt; border-block-end: 1px solid #0b6e4f; color: #0b6e4f; }
.battery-doc table { border-collapse: collapse; inline-size: 100%; margin-block: 1mm; } .battery-doc th, .battery-doc td { border: 1px solid #bbb; padding: 1mm 1.2mm; vertical-align: top; text-align: start; }
.battery-doc td.num { text-align: end; white-space: nowrap; } .battery-doc .box { border: 2px solid #a14400; padding: 2mm 3mm; background: #fff8f2; }
.battery-doc .small, .battery-doc .src { font-size: 0.85em; color: #333; } .battery-doc .url { word-break: break-all; } .battery-doc .uncertain, .battery-doc .missing, .battery-doc .refused { color: #a14400; }
.battery-doc dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 3mm; } .battery-doc dt { font-weight: 600; } .battery-doc dd { margin: 0; }`;

/** A whole HTML page (CLI --out declaration.html). */
export function declarationHtml(d: BatteryDeclaration, c: DocCtx, opts: { publicVersion?: boolean } = {}): string {
  const lang = c.lang === 'zh' ? 'zh-CN' : c.lang;
  return `<!doctype html>\n<html lang="${lang}" dir="${c.lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${esc(c.t('battery:doc.title'))}</title><style>${DOC_CSS}</style></head><body>${declarationBody(d, c, opts)}</body></html>\n`;
}

/** Side by side: the two packs' per-kWh figures and the difference split by cause. */
export function comparisonBody(cmp: BatteryComparison, c: DocCtx): string {
  const t = c.t;
  const a = cmp.from;
  const b = cmp.to;
  const stageRows = a.stages
    .map(
      (s, i) =>
        `<tr><td>${esc(pick(s.title, c.lang))}</td><td class="num">${num(c, s.kgPerKWh, 4)}</td><td>${esc(pick(b.stages[i]?.title ?? s.title, c.lang))}</td><td class="num">${num(c, b.stages[i]?.kgPerKWh ?? null, 4)}</td></tr>`,
    )
    .join('');
  const causes = cmp.causes
    .map(
      (k) =>
        `<tr data-cause="${esc(k.cause)}"><td>${esc(t(`battery:compare.cause.${k.cause}`))}</td><td class="num">${num(c, k.deltaPerKWh, 6, `cause-${k.cause}`)}</td><td class="small">${esc(translateMessage(t, k.explanation))}</td></tr>`,
    )
    .join('');
  return `<section class="battery-doc battery-compare"><h2>${esc(t('battery:compare.title'))}</h2>
<table><thead><tr><th>${esc(pick(a.pack.title, c.lang))}</th><th>kg CO2e/kWh</th><th>${esc(pick(b.pack.title, c.lang))}</th><th>kg CO2e/kWh</th></tr></thead><tbody>${stageRows}
<tr class="total"><th>${esc(t('battery:doc.total'))}</th><td class="num">${num(c, a.total.kgPerKWh, 4, 'cmp-from')}</td><th>${esc(t('battery:doc.total'))}</th><td class="num">${num(c, b.total.kgPerKWh, 4, 'cmp-to')}</td></tr></tbody></table>
<p>${esc(t('battery:compare.difference'))}: <strong>${num(c, cmp.differencePerKWh, 6, 'cmp-diff')}</strong> kg CO2e/kWh</p>
<table><thead><tr><th>${esc(t('battery:compare.cause._'))}</th><th>kg CO2e/kWh</th><th>${esc(t('battery:compare.explanation'))}</th></tr></thead><tbody>${causes}</tbody></table></section>`;
}
