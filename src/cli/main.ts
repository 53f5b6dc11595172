/**
 * carbonbridge — the command line on the same core as the web app. Only the command asked for is loaded (its module
 * through the registry in ./commands/index); --help lists the commands from the manifest the build writes into the
 * bundle, without loading them.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, type CliIO, type Command } from './command';
import { COMMANDS } from './commands/index';
import { createT, pickLang } from './i18n';
import { JSON_LIMITS } from '../core/model/json';
import { terminalSafe } from './terminal';
import type { TFunction } from '../core/i18n/translate';

export const nodeIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: async (p) => new Uint8Array(await readFile(p)),
  writeFile: async (p, d) => writeFile(p, d),
  stat: async (p) => {
    const s = await stat(p);
    return { size: s.size, isFile: s.isFile() };
  },
};

/** An input or output the file system refused, with a translated reason (shown as the detail of the command's message). */
class FileRefused extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * The io every command gets: text output made terminal-safe; every read checked with stat first (a regular file, at
 * most JSON_LIMITS.maxFileBytes, the MAX_INPUT_BYTES of ./options, so /dev/zero or a 2 GB file is refused before a
 * byte is read); a write into a folder that does not exist refused with a clear reason.
 */
export function guardedIO(io: CliIO, t: TFunction): CliIO {
  return {
    ...io,
    stdout: (s) => io.stdout(terminalSafe(s)),
    stderr: (s) => io.stderr(terminalSafe(s)),
    readFile: async (p) => {
      if (io.stat) {
        const st = await io.stat(p);
        if (!st.isFile) throw new FileRefused(t('cli:file.notAFileShort'), 'ENOTREG');
        if (st.size > JSON_LIMITS.maxFileBytes)
          throw new FileRefused(
            t('cli:file.tooLargeShort', { size: Math.round(st.size / 1048576), limit: Math.round(JSON_LIMITS.maxFileBytes / 1048576) }),
            'EFBIG',
          );
      }
      return io.readFile(p);
    },
    writeFile: async (p, d) => {
      try {
        await io.writeFile(p, d);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (code === 'ENOENT') throw new FileRefused(t('cli:file.folderMissingShort', { folder: dirname(resolve(p)) }), code);
        if (code === 'EISDIR') throw new FileRefused(t('cli:file.isFolderShort'), code);
        throw e;
      }
    },
  };
}

/** The names of the registered commands (bin/carbonbridge.mjs keeps a code cache for each of these only). */
export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);

/** What --help shows of a command (and the build writes to dist-cli/commands.json for every command, in order). */
export type CommandInfo = Pick<Command, 'name' | 'summaryKey' | 'usage' | 'options'>;

/** Every registered command's help, read from the commands themselves (loads them all: for the build and a checkout). */
export async function commandInfos(): Promise<CommandInfo[]> {
  return Promise.all(
    COMMANDS.map(async (e) => {
      const { name, summaryKey, usage, options } = await e.load();
      return { name, summaryKey, usage, options };
    }),
  );
}

/** The commands' help as JSON, written into the built bundle by tools/build-cli.mjs (not defined in the sources). */
declare const __CB_COMMANDS__: string | undefined;

/** Every command's help: from the bundle's manifest (no command loaded), else from the commands themselves. */
async function helpInfos(): Promise<CommandInfo[]> {
  return typeof __CB_COMMANDS__ === 'string' ? (JSON.parse(__CB_COMMANDS__) as CommandInfo[]) : commandInfos();
}

const GLOBAL_OPTIONS = {
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: string[], rawIO: CliIO = nodeIO): Promise<number> {
  const langFlagIdx = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const langFlag = langFlagIdx < 0 ? undefined : argv[langFlagIdx]!.includes('=') ? argv[langFlagIdx]!.split('=')[1] : argv[langFlagIdx + 1];
  // document commands accept two languages (--lang zh+ar); CLI messages use the first
  const lang = pickLang(typeof langFlag === 'string' && langFlag.includes('+') ? langFlag.split('+')[0] : langFlag);
  const t = await createT(lang ?? 'en');
  const io = guardedIO(rawIO, t);
  if (!lang) {
    io.stderr(`${t('cli:error.badLang', { value: String(langFlag) })}\n`);
    return EXIT.UNUSABLE;
  }
  const name = argv[0];
  const entry = COMMANDS.find((c) => c.name === name);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage(t, await helpInfos())}\n`);
    return name ? EXIT.OK : EXIT.UNUSABLE;
  }
  if (!entry) {
    io.stderr(`${t('cli:error.unknownCommand', { name })}\n\n${usage(t, await helpInfos())}\n`);
    return EXIT.UNUSABLE;
  }
  const cmd: Command = await entry.load();
  let parsed;
  const options = { ...GLOBAL_OPTIONS, ...cmd.options } as Record<string, { type: string }>;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv.slice(1), options), options: options as typeof GLOBAL_OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr(
      `${t('cli:error.badArguments', { detail: argumentError(t, e as Error & { code?: string }), interpolation: { escapeValue: false } })}\n${t('cli:usage')}: ${cmd.usage}\n`,
    );
    return EXIT.UNUSABLE;
  }
  if (parsed.values.help) {
    io.stdout(`${t(cmd.summaryKey)}\n${t('cli:usage')}: ${cmd.usage}\n`);
    return EXIT.OK;
  }
  try {
    return await cmd.run({
      positionals: parsed.positionals,
      options: parsed.values as Record<string, string | boolean | string[] | undefined>,
      io,
      t,
      lang,
      json: Boolean(parsed.values.json),
    });
  } catch (e) {
    // never a stack trace: the reason in words, exit 2
    const detail =
      e instanceof FileRefused
        ? e.message
        : e instanceof RangeError && /call stack/i.test(e.message)
          ? t('cli:error.tooComplex')
          : String((e as Error)?.message ?? e).slice(0, 300);
    io.stderr(`${t('cli:error.internal', { command: name, detail, interpolation: { escapeValue: false } })}\n`);
    return EXIT.UNUSABLE;
  }
}

/** `--ef -1` → `--ef=-1`: a value that starts with a minus sign reaches the option's own check (which refuses it clearly). */
function joinNegativeValues(args: string[], options: Record<string, { type: string }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (a.startsWith('--') && !a.includes('=') && options[a.slice(2)]?.type === 'string' && next !== undefined && /^-(\d|\.\d|Infinity|NaN)/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** parseArgs errors in words (its own messages are English only). */
function argumentError(t: TFunction, e: Error & { code?: string }): string {
  const opt = /'(-{1,2}[^'\s]+)/.exec(e.message)?.[1] ?? '';
  const pos = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t('cli:error.unknownOption', { option: opt });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return t('cli:error.optionValue', { option: opt.split('=')[0] ?? opt });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t('cli:error.unexpectedArgument', { value: pos });
    default:
      return e.message;
  }
}

function usage(t: (k: string, o?: Record<string, unknown>) => string, commands: CommandInfo[]): string {
  const lines = [t('cli:title'), '', `${t('cli:usage')}:`];
  for (const c of commands) lines.push(`  ${c.usage}`, `      ${t(c.summaryKey)}`);
  lines.push('', t('cli:globalOptions'), '', t('cli:exitCodes'));
  return lines.join('\n');
}
