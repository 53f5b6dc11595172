#!/usr/bin/env node
// CI step: the command line works as a user installs it. `npm pack` (prepack builds dist-cli/carbonbridge.cjs), then
// `npm install <tarball>` into an empty folder, then the installed `carbonbridge` validates a sample (exit 0) and
// refuses a missing file with a translated message (exit 2), with no TypeScript and no sources in the package.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const fail = (m) => {
  console.error(`check-pack: ${m}`);
  process.exit(1);
};
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '' };
};

const work = mkdtempSync(join(tmpdir(), 'cb-pack-'));
try {
  const packed = run(npm, ['pack', '--json', '--pack-destination', work], root);
  if (packed.code !== 0) fail(`npm pack failed: ${packed.err}`);
  const [info] = JSON.parse(packed.out.slice(packed.out.indexOf('[')));
  const files = info.files.map((f) => f.path);
  for (const need of ['bin/carbonbridge.mjs', 'dist-cli/carbonbridge.cjs', 'locales/en/cli.json']) if (!files.includes(need)) fail(`the package lacks ${need}`);
  const stray = files.filter((f) => f.startsWith('src/') || f.endsWith('.ts'));
  if (stray.length) fail(`the package ships sources: ${stray.slice(0, 5).join(', ')}`);
  console.log(`npm pack: ${info.filename}, ${files.length} files, ${(info.size / 1048576).toFixed(2)} MB`);

  const app = join(work, 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'cb-pack-check', version: '1.0.0', private: true }));
  const inst = run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', join(work, info.filename)], app);
  if (inst.code !== 0) fail(`npm install of the tarball failed: ${inst.err}`);
  const bin = join(app, 'node_modules', '.bin', process.platform === 'win32' ? 'carbonbridge.cmd' : 'carbonbridge');
  if (!existsSync(bin)) fail(`no carbonbridge in ${join(app, 'node_modules', '.bin')} (${readdirSync(join(app, 'node_modules', '.bin')).join(', ')})`);

  const ok = run(bin, ['validate', join(root, 'public', 'samples', 'aluminium-ingot-ningxia.json')], app);
  if (ok.code !== 0 || !/valid/.test(ok.out)) fail(`validate of a sample: exit ${ok.code}\n${ok.out}${ok.err}`);
  const missing = run(bin, ['validate', join(app, 'nope.json'), '--lang', 'zh'], app);
  if (missing.code !== 2 || !/[\u4e00-\u9fff]/.test(missing.err))
    fail(`a missing file: expected exit 2 with a Chinese message, got ${missing.code}\n${missing.err}`);
  console.log(`installed carbonbridge: validate ok (exit 0); missing file refused in Chinese (exit 2)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
