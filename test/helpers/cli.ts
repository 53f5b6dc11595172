/** Run the CLI in-process with captured stdout and stderr. */
import type { CliIO } from '../../src/cli/command';
import { main, nodeIO } from '../../src/cli/main';

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { ...nodeIO, stdout: (s) => void (out += s), stderr: (s) => void (err += s) };
  const code = await main(argv, io);
  return { code, out, err };
}
