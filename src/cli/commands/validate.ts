import { basename } from 'node:path';
import { compute } from '../../core/engine/compute';
import { EXIT, printJson, type Command } from '../command';
import { pickPack, printProblems, problemJson, readDataset } from '../shared';

export const validateCommand: Command = {
  name: 'validate',
  summaryKey: 'cli:commands.validate',
  usage: 'carbonbridge validate <dataset.json> [--pack <id>] [--lang zh|en|ar] [--json]',
  options: { pack: { type: 'string' } },
  async run(ctx) {
    const file = ctx.positionals[0];
    const r = await readDataset(ctx, file);
    if (typeof r === 'number') return r;
    let problems = r.problems;
    if (typeof ctx.options.pack === 'string') {
      const pack = pickPack(ctx, ctx.options.pack);
      if (typeof pack === 'number') return pack;
      problems = [...problems, ...compute(r.dataset, pack).findings];
    }
    const errors = problems.filter((p) => p.severity === 'error').length;
    if (ctx.json) {
      printJson(ctx.io, { file: basename(file!), valid: true, errors, problems: problems.map((p) => problemJson(ctx, p)) });
    } else {
      ctx.io.stdout(`${ctx.t('cli:valid', { file })}\n`);
      printProblems(ctx, problems, 'stdout');
    }
    return errors > 0 ? EXIT.FINDINGS : EXIT.OK;
  },
};
