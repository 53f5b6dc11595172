import { basename } from 'node:path';
import { translateMessage } from '../../core/i18n/translate';
import { buildLabelSheet, labelCatalogue, renderLabelHtml } from '../../core/label/index';
import { parseNumberText } from '../../core/model/normalise';
import { EXIT, printJson, type Command } from '../command';
import { readDataset } from '../shared';
import { docLangs } from './statement';

export const labelCommand: Command = {
  name: 'label',
  summaryKey: 'partners:cli.labelSummary',
  usage: 'carbonbridge label <dataset.json> [--class <catalogue-class>] [--rated-power-kw <kW>] [--lang zh|en|ar|zh+ar|zh+en] [--out label.html] [--json]',
  options: { class: { type: 'string' }, 'rated-power-kw': { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const r = await readDataset(ctx, ctx.positionals[0]);
    if (typeof r === 'number') return r;
    const classId = typeof ctx.options.class === 'string' ? ctx.options.class : undefined;
    const classes = labelCatalogue().catalogue.classes.map((k) => k.id);
    if (classId && !classes.includes(classId)) {
      ctx.io.stderr(`${ctx.t('partners:error.badClass', { value: classId, available: classes.join(', ') })}\n`);
      return EXIT.UNUSABLE;
    }
    const rp = ctx.options['rated-power-kw'];
    let ratedPowerKw: number | undefined;
    if (typeof rp === 'string') {
      ratedPowerKw = parseNumberText(rp);
      if (ratedPowerKw === undefined || !(ratedPowerKw > 0)) {
        ctx.io.stderr(`${ctx.t('partners:error.badNumber', { field: '--rated-power-kw', value: rp })}\n`);
        return EXIT.UNUSABLE;
      }
    }
    const langs = await docLangs(ctx);
    if (typeof langs === 'number') return langs;
    const sheet = buildLabelSheet(r.dataset, { ...(classId ? { classId } : {}), ...(ratedPowerKw ? { ratedPowerKw } : {}) });
    const out = typeof ctx.options.out === 'string' ? ctx.options.out : undefined;
    if (out) await ctx.io.writeFile(out, renderLabelHtml(sheet, langs));
    if (ctx.json) {
      const t = langs[0]!.t;
      const text = (i: (typeof sheet.label.items)[number]) => ({
        ...i,
        ...(i.value ? { text: translateMessage(t, i.value) } : {}),
        ...(i.note ? { noteText: translateMessage(t, i.note) } : {}),
      });
      printJson(ctx.io, {
        ...sheet,
        file: basename(ctx.positionals[0]!),
        label: { ...sheet.label, items: sheet.label.items.map(text) },
        ningxia: { ...sheet.ningxia, items: sheet.ningxia.items.map(text) },
        ...(out ? { out } : {}),
      });
    } else if (!out) ctx.io.stdout(renderLabelHtml(sheet, langs));
    else ctx.io.stdout(`${ctx.t('partners:cli.written', { file: out })}\n`);
    return EXIT.OK;
  },
};
