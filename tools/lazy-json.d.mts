/** Types of tools/lazy-json.mjs (used by vite.config.ts and the tests). */
export const LAZY_JSON_FILES: RegExp[];
export function isLazyJsonFile(path: string): boolean;
export function lazyJsonSource(code: string, file: string, watch?: (path: string) => void): string;
