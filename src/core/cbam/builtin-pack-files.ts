/**
 * The files of each built-in CBAM pack folder (rules/<dir>/), by folder name of rules/manifest.json, each as a function
 * returning the file's JSON. Read only through ./packs (rawCbamPack, cbamPack …), on first use.
 *
 * Every JSON import here is used only as `() => name`: the bundles (tools/build-cli.mjs for the command line, the
 * vite build for the app and the tests) rewrite this file with tools/lazy-json.mjs so that each file is kept as a
 * string and parsed on the first call, once. Importing the packs (the dataset model's process checks do) then costs
 * no parsing of the ~600 KB of pack data; a dataset without production processes never parses it.
 */
import defMeta from '../../../rules/eu-cbam-definitive/pack.json';
import defCategories from '../../../rules/eu-cbam-definitive/categories.json';
import defCnCodes from '../../../rules/eu-cbam-definitive/cn-codes.json';
import defDefaults from '../../../rules/eu-cbam-definitive/default-values-cn.json';
import defBenchmarks from '../../../rules/eu-cbam-definitive/benchmarks.json';
import trMeta from '../../../rules/eu-cbam-transitional/pack.json';
import trCategories from '../../../rules/eu-cbam-transitional/categories.json';
import trCnCodes from '../../../rules/eu-cbam-transitional/cn-codes.json';
import ukMeta from '../../../rules/uk-cbam/pack.json';
import ukCategories from '../../../rules/uk-cbam/categories.json';
import ukCnCodes from '../../../rules/uk-cbam/cn-codes.json';

/** A pack file's JSON (the same object at every call). */
export type PackFile = () => unknown;

export const BUILT_IN_FILES: Readonly<Record<string, Readonly<Record<string, PackFile>>>> = {
  'eu-cbam-definitive': {
    'pack.json': () => defMeta,
    'categories.json': () => defCategories,
    'cn-codes.json': () => defCnCodes,
    'default-values-cn.json': () => defDefaults,
    'benchmarks.json': () => defBenchmarks,
  },
  'eu-cbam-transitional': {
    'pack.json': () => trMeta,
    'categories.json': () => trCategories,
    'cn-codes.json': () => trCnCodes,
  },
  'uk-cbam': {
    'pack.json': () => ukMeta,
    'categories.json': () => ukCategories,
    'cn-codes.json': () => ukCnCodes,
  },
};
