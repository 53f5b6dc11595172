/** The label data sheet and disclosure items as A4 HTML, in one language or two side by side. */
import { bilingual, esc, fmtNum, page, pick, sourceHtml, tmsg, type LangT } from '../partners/html';
import type { LabelSheet, SheetItem } from './sheet';

function itemValue(i: SheetItem, L: LangT): string {
  const parts: string[] = [];
  if (i.local) parts.push(`<bdi>${esc(pick(i.local, L.lang))}</bdi>`);
  if (i.value) parts.push(esc(tmsg(L.t, i.value)));
  if (i.figure)
    parts.push(
      `<strong class="num" dir="ltr">${esc(fmtNum(i.figure.value, L.lang))}</strong> <span dir="ltr">${esc(i.figure.unit)}</span><div class="src">${sourceHtml(i.figure.source, L)}</div>`,
    );
  if (i.status === 'missing') parts.push(`<span class="missing">${esc(L.t('partners:label.missingValue'))}</span>`);
  if (i.note) parts.push(`<div class="small">${esc(tmsg(L.t, i.note))}</div>`);
  return parts.join(' ');
}

function itemTable(items: SheetItem[], L: LangT, testid: string, prefix: string): string {
  const rows = items
    .map(
      (i) =>
        `<tr data-item="${esc(i.id)}" data-status="${i.status}"><th scope="row">${esc(L.t(`partners:${prefix}.${i.id}`))}</th><td>${itemValue(i, L)}</td><td class="status-${i.status === 'present' ? 'same' : 'differs'}">${esc(L.t(`partners:label.status.${i.status}`))}</td></tr>`,
    )
    .join('');
  return `<table data-testid="${testid}"><thead><tr><th>${esc(L.t('partners:label.item'))}</th><th>${esc(L.t('partners:label.value'))}</th><th>${esc(L.t('partners:doc.statusCol'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function missingList(ids: string[], L: LangT, prefix: string): string {
  if (!ids.length) return `<p>${esc(L.t('partners:label.noneMissing'))}</p>`;
  return `<p class="missing" data-testid="missing-${prefix}">${esc(L.t('partners:label.missingList', { items: ids.map((id) => L.t(`partners:${prefix}.${id}`)).join(L.lang === 'zh' ? '、' : L.lang === 'ar' ? '، ' : ', ') }))}</p>`;
}

function catalogueBlock(s: LabelSheet, L: LangT): string {
  const m = s.catalogue.match;
  const t = L.t;
  let text: string;
  if (m.status === 'matched') text = t('partners:label.catalogueEntry', { name: pick(m.class.name, L.lang), zh: m.class.name.zh });
  else if (m.status === 'ambiguous') text = t('partners:label.catalogueAmbiguous', { names: m.candidates.map((k) => pick(k.name, L.lang)).join(' / ') });
  else if (m.status === 'outside') text = t('partners:label.catalogueOutside');
  else text = t('partners:label.catalogueNoCode');
  return `<h2>${esc(pick(s.catalogue.title, L.lang))}</h2><p data-testid="catalogue-match" data-status="${m.status}"><strong>${esc(text)}</strong></p><p class="src">${sourceHtml(s.catalogue.source, L)}</p>`;
}

function gradingBlock(s: LabelSheet, L: LangT): string {
  const r = s.grading.result;
  const t = L.t;
  let body: string;
  if (r.status === 'graded')
    body = `<p data-testid="grade"><strong>${esc(t('partners:label.graded', { scheme: pick(r.scheme.name, L.lang), grade: r.grade }))}</strong> — <span dir="ltr">${esc(fmtNum(r.value, L.lang))} ${esc(r.unit)}</span></p><p class="src">${sourceHtml(r.scheme.legalBasis, L)}</p>`;
  else if (r.status === 'needs-input')
    body = `<p class="missing" data-testid="grade">${esc(t('partners:label.gradeNeedsPower', { scheme: pick(r.scheme.name, L.lang) }))}</p><p class="src">${sourceHtml(r.scheme.legalBasis, L)}</p>`;
  else body = `<p data-testid="grade">${esc(t('partners:label.noGrading'))}</p>`;
  return `<h2>${esc(t('partners:label.gradingHeading'))}</h2>${body}<p>${esc(pick(s.grading.china.text, L.lang))}</p>`;
}

/** The sheet's content (no page frame or style). */
export function labelBody(s: LabelSheet, langs: LangT[]): string {
  return [
    bilingual(
      langs,
      (L) =>
        `<h1>${esc(L.t('partners:label.title'))}</h1><p><strong><bdi>${esc(pick(s.product, L.lang))}</bdi></strong></p><p>${esc(pick(s.scheme.name, L.lang))} — ${esc(pick(s.scheme.statusText, L.lang))}</p><p class="src">${sourceHtml(s.scheme.rules, L)}</p>`,
    ),
    bilingual(langs, (L) => catalogueBlock(s, L)),
    bilingual(
      langs,
      (L) =>
        `<h2>${esc(L.t('partners:label.labelHeading'))}</h2>${itemTable(s.label.items, L, 'label-items', 'labelItem')}${missingList(s.missing.label, L, 'labelItem')}<p class="src">${sourceHtml(s.label.source, L)}</p>`,
    ),
    bilingual(
      langs,
      (L) =>
        `<h2>${esc(L.t('partners:label.ningxiaHeading'))}</h2>${itemTable(s.ningxia.items, L, 'ningxia-items', 'ningxiaItem')}${missingList(s.missing.ningxia, L, 'ningxiaItem')}<p class="src">${sourceHtml(s.ningxia.source, L)}</p>`,
    ),
    bilingual(langs, (L) => gradingBlock(s, L)),
    bilingual(
      langs,
      (L) => `<p class="small">${esc(pick(s.scheme.outsidePilot.text, L.lang))}</p><p class="src">${sourceHtml(s.scheme.outsidePilot.source, L)}</p>`,
    ),
  ].join('\n');
}

export const renderLabelHtml = (s: LabelSheet, langs: LangT[]): string =>
  page(langs, langs.map((L) => L.t('partners:label.title')).join(' / '), labelBody(s, langs));
