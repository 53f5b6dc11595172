// Lazily parsed JSON for the bundles (tools/build-cli.mjs for the command line, vite.config.ts for the app).
//
// A source file listed in LAZY_JSON_FILES imports JSON files and uses each only inside a thunk, `() => name`
// (src/core/cbam/builtin-pack-files.ts: the built-in CBAM rule packs). Run as written (tsx, node), the imports are
// ordinary eager JSON imports. In a bundle the file is rewritten: each thunk holds the file's minified JSON as a
// string literal and parses it on its first call, memoised. The literal sits inside the function, so loading the module
// does not even compile it (nor puts it in the command line's V8 code cache). Loading the module then costs no JSON parsing and
// no object building (~600 KB of pack data for the CBAM packs), so code that only imports the packs (the dataset
// model's process checks) pays nothing until a pack is read.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Files (path ends) whose JSON imports are made lazy. */
export const LAZY_JSON_FILES = [/[\\/]src[\\/]core[\\/]cbam[\\/]builtin-pack-files\.ts$/];

export const isLazyJsonFile = (path) => LAZY_JSON_FILES.some((re) => re.test(path));

const IMPORT = /^import\s+([A-Za-z_$][\w$]*)\s+from\s+'([^']+\.json)';\s*$/gm;

/**
 * Rewrites the source of a lazy-JSON file (see above). Throws when a JSON import is used other than as `() => name`,
 * so that a change to the file that would make the data eager again (or leave an import undefined) fails the build.
 * @param {string} code the TypeScript source
 * @param {string} file its absolute path (JSON paths are resolved from its folder)
 * @param {(path: string) => void} [watch] called with each JSON file read (vite: addWatchFile)
 * @returns {string}
 */
export function lazyJsonSource(code, file, watch) {
  const texts = new Map();
  let out = code.replace(IMPORT, (_, name, rel) => {
    const path = resolve(dirname(file), rel);
    watch?.(path);
    texts.set(name, JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))));
    return `let ${name}$v: unknown;`;
  });
  if (!texts.size) throw new Error(`lazy-json: ${file} imports no JSON file`);
  const names = [...texts.keys()];
  names.forEach((name, i) => {
    const thunk = new RegExp(`\\(\\)\\s*=>\\s*${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    const uses = out.match(thunk)?.length ?? 0;
    if (uses !== 1) throw new Error(`lazy-json: ${file}: ${name} is used ${uses} times as () => ${name} (once expected)`);
    out = out.replace(thunk, () => `() => (${name}$v ??= JSON.parse(\0${i}\0))`);
  });
  for (const name of names) {
    const rest = out.match(new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
    if (rest) throw new Error(`lazy-json: ${file}: ${name} is used other than as () => ${name} (the data would not be lazy)`);
  }
  // the text inside its function: compiled (and kept in a V8 code cache) only when the function is first called
  return out.replace(/\0(\d+)\0/g, (_, i) => JSON.stringify(texts.get(names[Number(i)])));
}
