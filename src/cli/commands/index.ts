/**
 * Registered CLI commands (one line each): the name a user types and the module of the command, imported only when
 * that command runs (a cold start loads one command's code, not all of them). `--help` lists every command from
 * the manifest tools/build-cli.mjs writes into the bundle (main.ts: commandInfos).
 */
import type { Command } from '../command';

export interface CommandEntry {
  name: string;
  load: () => Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'validate', load: async () => (await import('./validate')).validateCommand },
  { name: 'compute', load: async () => (await import('./compute')).computeCommand },
  { name: 'compare', load: async () => (await import('./compare')).compareCommand },
  { name: 'packs', load: async () => (await import('./packs')).packsCommand },
  { name: 'cbam-screen', load: async () => (await import('./cbam-screen')).cbamScreenCommand },
  { name: 'cbam-cost', load: async () => (await import('./cbam-cost')).cbamCostCommand },
  { name: 'convert', load: async () => (await import('./convert')).convertCommand },
  { name: 'import', load: async () => (await import('./import')).importCommand },
  { name: 'workbook', load: async () => (await import('./workbook')).workbookCommand },
  { name: 'cbam-calc', load: async () => (await import('./cbam-calc')).cbamCalcCommand },
  { name: 'statement', load: async () => (await import('./statement')).statementCommand },
  { name: 'label', load: async () => (await import('./label')).labelCommand },
  { name: 'compare-batch', load: async () => (await import('./compare-batch')).compareBatchCommand },
  { name: 'battery', load: async () => (await import('./battery')).batteryCommand },
];
