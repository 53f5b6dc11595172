import { allCbamPacks, packOrigin } from '../../core/cbam/packs';
import { applyRulesOption, RULES_OPTION } from '../rules-dir';
import { footprintPacks } from '../../core/packs/registry';
import { EXIT, printJson, type Command } from '../command';
import { table } from '../shared';

/** Other pack families (CBAM …) register listers here so `carbonbridge packs` shows every installed pack. */
export interface PackSummary {
  id: string;
  version: string;
  kind: string;
  title: { en: string; zh: string; ar: string };
  status: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string;
}

export const PACK_LISTERS: (() => PackSummary[])[] = [
  () =>
    [...footprintPacks().values()].map((p) => ({
      id: p.id,
      version: p.version,
      kind: p.kind,
      title: p.title,
      status: p.status,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
      legalBasis: [p.legalBasis.act, p.legalBasis.clause].filter(Boolean).join(', '),
    })),
  () =>
    allCbamPacks().map((p) => ({
      id: p.id,
      version: p.version,
      kind: `${p.scheme} (${p.kind}, ${p.jurisdiction}${packOrigin(p.id) === 'installed' ? ', --rules' : ''})`,
      title: p.title,
      status: p.status,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
      legalBasis: p.legalBasis.map((l) => l.act).join('; '),
    })),
];

export const packsCommand: Command = {
  name: 'packs',
  summaryKey: 'cli:commands.packs',
  usage: 'carbonbridge packs [--rules <dir>] [--lang zh|en|ar] [--json]',
  options: { ...RULES_OPTION },
  async run(ctx) {
    const rulesCode = applyRulesOption(ctx);
    if (rulesCode !== null) return rulesCode;
    const all = PACK_LISTERS.flatMap((f) => f());
    if (ctx.json) {
      printJson(ctx.io, all);
      return EXIT.OK;
    }
    const t = ctx.t;
    ctx.io.stdout(
      `${table([
        [t('cli:packs.id'), t('cli:packs.version'), t('cli:packs.status'), t('cli:packs.from'), t('cli:packs.to')],
        ...all.map((p) => [p.id, p.version, t(`cli:status.${p.status}`), p.effectiveFrom, p.effectiveTo ?? '—']),
      ])}\n\n${all.map((p) => `${p.id}: ${p.title[ctx.lang]} — ${p.legalBasis}`).join('\n')}\n`,
    );
    return EXIT.OK;
  },
};
