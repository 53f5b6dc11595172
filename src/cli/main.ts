/** carbonbridge — the command line on the same core as the web app. */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EXIT, type CliIO, type Command } from './command';
import { COMMANDS } from './commands/index';
import { createT, pickLang } from './i18n';

export const nodeIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: async (p) => new Uint8Array(await readFile(p)),
  writeFile: async (p, d) => writeFile(p, d),
};

const GLOBAL_OPTIONS = {
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const langFlagIdx = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const langFlag = langFlagIdx < 0 ? undefined : argv[langFlagIdx]!.includes('=') ? argv[langFlagIdx]!.split('=')[1] : argv[langFlagIdx + 1];
  // document commands accept two languages (--lang zh+ar); CLI messages use the first
  const lang = pickLang(typeof langFlag === 'string' && langFlag.includes('+') ? langFlag.split('+')[0] : langFlag);
  const t = await createT(lang ?? 'en');
  if (!lang) {
    io.stderr(`${t('cli:error.badLang', { value: String(langFlag) })}\n`);
    return EXIT.UNUSABLE;
  }
  const name = argv[0];
  const cmd: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage(t)}\n`);
    return name ? EXIT.OK : EXIT.UNUSABLE;
  }
  if (!cmd) {
    io.stderr(`${t('cli:error.unknownCommand', { name })}\n\n${usage(t)}\n`);
    return EXIT.UNUSABLE;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(1), options: { ...GLOBAL_OPTIONS, ...cmd.options }, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr(`${t('cli:error.badArguments', { detail: (e as Error).message })}\n${t('cli:usage')}: ${cmd.usage}\n`);
    return EXIT.UNUSABLE;
  }
  if (parsed.values.help) {
    io.stdout(`${t(cmd.summaryKey)}\n${t('cli:usage')}: ${cmd.usage}\n`);
    return EXIT.OK;
  }
  return cmd.run({
    positionals: parsed.positionals,
    options: parsed.values as Record<string, string | boolean | string[] | undefined>,
    io,
    t,
    lang,
    json: Boolean(parsed.values.json),
  });
}

function usage(t: (k: string, o?: Record<string, unknown>) => string): string {
  const lines = [t('cli:title'), '', `${t('cli:usage')}:`];
  for (const c of COMMANDS) lines.push(`  ${c.usage}`, `      ${t(c.summaryKey)}`);
  lines.push('', t('cli:globalOptions'), '', t('cli:exitCodes'));
  return lines.join('\n');
}
