/**
 * Main-thread client of the import worker. `importFile(file, options)` checks the size before reading, runs the
 * import in a module worker, terminates it when done or after the time limit, and returns a result validated
 * with the core's zod schemas (lines are checked in chunks with pauses, so the main thread never blocks long).
 * Never throws for a bad file: problems come back as a result of kind 'error'.
 */
import { msg, LIMITS, unpackResult, type ImportOptions, type ImportResult, type ImportProblem, type PackedResult } from '../core';

export type { ImportOptions, ImportResult, ImportProblem } from '../core';

export interface ImportFileOptions extends ImportOptions {
  /** Time limit for the worker (default 60 s); the worker is terminated when it is reached. */
  timeoutMs?: number;
  /** Abort the import (the worker is terminated). */
  signal?: AbortSignal;
}

const errorResult = (key: string, params?: Record<string, string | number>, fix?: string, fixParams?: Record<string, string | number>): ImportResult => ({
  kind: 'error',
  problems: [{ severity: 'error', message: msg(key, params), ...(fix ? { fix: msg(fix, fixParams) } : {}) } as ImportProblem],
});

/** Yield to the event loop (a new task), so long work is split into short tasks. */
const pause = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

class Timeout extends Error {}
class Aborted extends Error {}

export async function importFile(file: Blob & { name?: string }, options: ImportFileOptions = {}): Promise<ImportResult> {
  const { timeoutMs = LIMITS.workerTimeoutMs, signal, ...opts } = options;
  const name = typeof file.name === 'string' && file.name ? file.name : 'file';
  if (file.size > LIMITS.maxFileBytes)
    return errorResult(
      'import:error.tooLarge',
      { size: Math.round((file.size / 1048576) * 10) / 10, limit: Math.round(LIMITS.maxFileBytes / 1048576) },
      'import:fix.smallerFile',
    );
  if (file.size === 0) return errorResult('import:error.empty', undefined, 'import:fix.chooseFile');
  const buffer = await file.arrayBuffer();
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'carbonbridge-import' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const packed = await new Promise<PackedResult>((resolve, reject) => {
      timer = setTimeout(() => reject(new Timeout()), timeoutMs);
      signal?.addEventListener('abort', () => reject(new Aborted()), { once: true });
      let head: PackedResult | undefined;
      let expected = 0;
      const chunks: string[] = [];
      const done = () => {
        if (head && chunks.length === expected) resolve({ ...head, chunks });
      };
      worker.onmessage = (e: MessageEvent<{ id: number; packed?: PackedResult; chunkCount?: number; chunk?: string }>) => {
        if (e.data.packed) {
          head = e.data.packed;
          expected = e.data.chunkCount ?? 0;
        } else if (typeof e.data.chunk === 'string') chunks.push(e.data.chunk);
        done();
      };
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        reject(new Error(e.message || 'worker error'));
      };
      worker.onmessageerror = () => reject(new Error('message error'));
      worker.postMessage({ id: 1, buffer, name, options: opts }, [buffer]);
    });
    clearTimeout(timer);
    worker.terminate();
    try {
      return await unpackResult(packed, pause);
    } catch (e) {
      return errorResult('import:error.invalidResult', { detail: String((e as Error).message).slice(0, 200) }, 'import:fix.resave');
    }
  } catch (e) {
    if (e instanceof Timeout) return errorResult('import:error.timeout', { seconds: Math.round(timeoutMs / 1000) }, 'import:fix.smallerFile');
    if (e instanceof Aborted) return errorResult('import:error.internal', { detail: 'aborted' });
    return errorResult('import:error.internal', { detail: String((e as Error).message).slice(0, 200) }, 'import:fix.resave');
  } finally {
    clearTimeout(timer);
    worker.terminate();
  }
}
