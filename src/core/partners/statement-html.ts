/** The equivalence statement as an A4 HTML document in one language or two side by side. */
import { bilingual, esc, fmtNum, page, pick, sourceHtml, tmsg, type LangT } from './html';
import type { EquivalenceStatement } from './statement';

function head(st: EquivalenceStatement, L: LangT): string {
  const t = L.t;
  const d = st.dataset;
  const ref = pick(st.against.reference.title, L.lang);
  const partner = st.against.partner ? pick(st.against.partner.name, L.lang) : '';
  return `<h1>${esc(t('partners:doc.title'))}</h1>
<p><strong><bdi>${esc(pick(d.product, L.lang))}</bdi></strong>${d.cnCode ? ` · CN <span dir="ltr">${esc(d.cnCode)}</span>` : ''}</p>
<dl>
<dt>${esc(t('partners:doc.producer'))}</dt><dd><bdi>${esc(d.producer.name)}</bdi> (${esc(d.producer.country)}${d.producer.region ? `, ${esc(d.producer.region)}` : ''})</dd>
<dt>${esc(t('partners:doc.period'))}</dt><dd dir="ltr">${esc(d.period.start)} – ${esc(d.period.end)}</dd>
<dt>${esc(t('partners:doc.against'))}</dt><dd>${partner ? `${esc(partner)} — ` : ''}${esc(ref)}</dd>
</dl>`;
}

function isIsNot(st: EquivalenceStatement, L: LangT): string {
  const t = L.t;
  return `<div class="box" data-testid="mutual-recognition"><h2>${esc(t('partners:doc.whatHeading'))}</h2>
<p><strong>${esc(pick(st.mutualRecognition.text, L.lang))}</strong></p>
<p>${esc(t('partners:doc.isWhat'))}</p><p>${esc(t('partners:doc.isNot'))}</p>
<p class="src">${st.mutualRecognition.sources.map((s) => sourceHtml(s, L)).join('<br>')}</p></div>`;
}

function studyAndReference(st: EquivalenceStatement, L: LangT): string {
  const t = L.t;
  const d = st.dataset;
  const r = st.against.reference;
  const p = st.against.partner;
  const fu = d.functionalUnit;
  let out = `<h2>${esc(t('partners:doc.studyHeading'))}</h2><dl>
<dt>${esc(t('partners:doc.standard'))}</dt><dd>${esc(d.standard)} → ${esc(pick(st.study.title, L.lang))}</dd>
<dt>${esc(t('partners:doc.functionalUnit'))}</dt><dd><span dir="ltr">${esc(fmtNum(fu.amount, L.lang))} ${esc(fu.unit)}</span>${fu.description ? ` — ${esc(pick(fu.description, L.lang))}` : ''}</dd>
<dt>${esc(t('partners:doc.boundary'))}</dt><dd>${esc(t(`core:boundary.${d.boundary}`))}</dd>
<dt>${esc(t('partners:doc.gwp'))}</dt><dd>IPCC ${esc(d.gwpSet)}</dd></dl>
<h2>${esc(t('partners:doc.referenceHeading'))}</h2><dl>
<dt>${esc(t('partners:doc.reference'))}</dt><dd>${esc(pick(r.title, L.lang))}</dd>
<dt>${esc(t('partners:doc.status'))}</dt><dd>${esc(t(`partners:status.${r.status}`))}</dd>
<dt>${esc(t('partners:doc.legalBasis'))}</dt><dd class="src">${sourceHtml(r.legalBasis, L)}</dd></dl>
${r.what ? `<p>${esc(pick(r.what, L.lang))}</p>` : ''}`;
  if (p) {
    out += `<h2>${esc(t('partners:doc.partnerHeading', { partner: pick(p.name, L.lang) }))}</h2>
<p>${esc(t(`partners:productScheme.${p.productScheme}`))}</p>
<dl><dt>${esc(t('partners:doc.regulates'))}</dt><dd>${esc(pick(p.regulates, L.lang))}</dd>
<dt>${esc(t('partners:doc.doesNotRegulate'))}</dt><dd>${esc(pick(p.doesNotRegulate, L.lang))}</dd>
<dt>${esc(t('partners:doc.legalBasis'))}</dt><dd class="src">${p.legalBasis.map((s) => sourceHtml(s, L)).join('<br>')}</dd></dl>`;
  }
  return out;
}

function crosswalkTable(st: EquivalenceStatement, L: LangT): string {
  const t = L.t;
  const rows = st.rows
    .map(
      (r) => `<tr data-dimension="${esc(r.dimension)}"><th scope="row">${esc(t(`partners:dimension.${r.dimension}`))}</th>
<td>${esc(tmsg(t, r.study))}</td>
<td>${r.reference ? `${esc(pick(r.reference.text, L.lang))}<div class="src">${sourceHtml(r.reference.source, L)}</div>` : `<span class="missing">${esc(t('partners:doc.noRule'))}</span>`}</td>
<td class="status-${r.status}">${esc(t(`partners:rowStatus.${r.status}`))}${r.cause && r.status === 'differs' ? `<div class="small">${esc(t('partners:doc.computedBelow', { cause: t(`partners:cause.${r.cause}`) }))}</div>` : ''}</td></tr>`,
    )
    .join('');
  return `<h2>${esc(t('partners:doc.crosswalkHeading'))}</h2><table data-testid="crosswalk"><thead><tr><th>${esc(t('partners:doc.dimension'))}</th><th>${esc(
    t('partners:doc.studyChoice'),
  )}</th><th>${esc(t('partners:doc.referenceRule'))}</th><th>${esc(t('partners:doc.statusCol'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function figures(st: EquivalenceStatement, L: LangT): string {
  const t = L.t;
  const f = st.figure;
  const n = (x: number) => `${esc(fmtNum(x, L.lang))}`;
  const unit = `kg CO2e / ${fmtNum(f.functionalUnit.amount, L.lang)} ${f.functionalUnit.unit}`;
  const causes = f.causes
    .map(
      (k) =>
        `<tr data-cause="${k.cause}"><td>${esc(t(`partners:cause.${k.cause}`))}</td><td class="num">${k.deltaKg > 0 ? '+' : ''}${n(k.deltaKg)}</td><td>${esc(tmsg(t, k.explanation))}</td></tr>`,
    )
    .join('');
  return `<h2>${esc(t('partners:doc.figureHeading'))}</h2>
<p class="small">${esc(t('partners:doc.figureLead', { unit }))}</p>
<table data-testid="figures"><tbody>
<tr><th scope="row">${esc(t('partners:doc.asStudied', { pack: pick(st.study.title, L.lang), gwp: f.study.gwpSet }))}</th><td class="num" data-testid="study-total">${n(f.study.total)}</td><td dir="ltr">${esc(unit)}</td></tr>
<tr><th scope="row">${esc(t('partners:doc.underReference', { pack: pick(st.against.reference.title, L.lang), gwp: f.reference.gwpSet }))}</th><td class="num" data-testid="reference-total">${n(f.reference.total)}</td><td dir="ltr">${esc(unit)}</td></tr>
<tr><th scope="row">${esc(t('partners:doc.difference'))}</th><td class="num">${f.differenceKg > 0 ? '+' : ''}${n(f.differenceKg)}</td><td>${f.differencePct === null ? '—' : `<span dir="ltr">${esc(fmtNum(f.differencePct, L.lang, 2))} %</span>`}</td></tr>
</tbody></table>
<h2>${esc(t('partners:doc.bridgeHeading'))}</h2><table data-testid="bridge"><thead><tr><th>${esc(t('partners:doc.cause'))}</th><th>kg CO2e</th><th>${esc(t('partners:doc.explanation'))}</th></tr></thead><tbody>${causes}</tbody></table>
<p class="small">${esc(t('partners:doc.figureSource'))}</p>`;
}

function verification(st: EquivalenceStatement, L: LangT): string {
  const t = L.t;
  const v = st.verification.verifier;
  const a = st.verification.accreditation;
  let out = `<h2>${esc(t('partners:doc.verificationHeading'))}</h2>`;
  out += v
    ? `<dl><dt>${esc(t('partners:doc.verifier'))}</dt><dd><bdi>${esc(v.name)}</bdi></dd><dt>${esc(t('partners:doc.accreditation'))}</dt><dd>${v.accreditation ? `<bdi>${esc(v.accreditation)}</bdi>` : `<span class="missing">${esc(t('partners:doc.missing'))}</span>`}</dd>${v.statementDate ? `<dt>${esc(t('partners:doc.statementDate'))}</dt><dd dir="ltr">${esc(v.statementDate)}</dd>` : ''}</dl>`
    : `<p class="missing">${esc(t('partners:doc.noVerifier'))}</p>`;
  if (a)
    out += `<p>${esc(pick(a.name, L.lang))}</p><ul>${a.arrangements.map((x) => `<li>${esc(pick(x.text, L.lang))} <span class="src">${sourceHtml(x.source, L)}</span></li>`).join('')}</ul><p class="small">${esc(pick(a.note, L.lang))}</p>`;
  return out;
}

/** The statement's content (no page frame or style): the app shows it inside its own A4 print layout. */
export function statementBody(st: EquivalenceStatement, langs: LangT[]): string {
  return [
    bilingual(langs, (L) => head(st, L)),
    bilingual(langs, (L) => isIsNot(st, L)),
    bilingual(langs, (L) => studyAndReference(st, L)),
    bilingual(langs, (L) => crosswalkTable(st, L), 'wide'),
    bilingual(langs, (L) => figures(st, L)),
    bilingual(langs, (L) => verification(st, L)),
    bilingual(
      langs,
      (L) => `<p class="small">${esc(L.t('partners:doc.dataVersions', { crosswalk: st.data.crosswalk, profiles: st.data.profiles, asOf: st.data.asOf }))}</p>`,
    ),
  ].join('\n');
}

/** A standalone A4 HTML document (the command line's output). */
export const renderStatementHtml = (st: EquivalenceStatement, langs: LangT[]): string =>
  page(langs, langs.map((L) => L.t('partners:doc.title')).join(' / '), statementBody(st, langs));
