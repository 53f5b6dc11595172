/** The CLI's command interface. Commands are small modules in ./commands registered in ./commands/index.ts. */
import type { TFunction } from '../core/i18n/translate';

export const EXIT = { OK: 0, FINDINGS: 1, UNUSABLE: 2 } as const;
export type Lang = 'zh' | 'en' | 'ar';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
  writeFile: (path: string, data: Uint8Array | string) => Promise<void>;
  /** Size and kind of a file, read before its bytes (node: fs.stat). */
  stat?: (path: string) => Promise<{ size: number; isFile: boolean }>;
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export interface CommandContext {
  /** Positional arguments after the command name. */
  positionals: string[];
  /** Parsed options (strings or booleans), including the global ones. */
  options: Record<string, string | boolean | string[] | undefined>;
  io: CliIO;
  t: TFunction;
  lang: Lang;
  json: boolean;
}

export interface Command {
  name: string;
  /** i18n key of a one-line summary (namespace cli). */
  summaryKey: string;
  /** Usage line, e.g. "carbonbridge compute <dataset.json> --pack <id> [--json]". */
  usage: string;
  options: OptionSpec;
  run: (ctx: CommandContext) => Promise<number>;
}

/** Print JSON to stdout (stable two-space indentation, newline at the end). */
export const printJson = (io: CliIO, value: unknown): void => io.stdout(`${JSON.stringify(value, null, 2)}\n`);
