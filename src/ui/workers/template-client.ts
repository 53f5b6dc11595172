/**
 * Main-thread client of the template worker: checks the template's size before reading it (File.size), fills it in a
 * module worker with a time limit (the worker is terminated when done, on error and at the limit) and returns the
 * filled bytes with the verification report, or translatable messages. Never throws.
 */
import { LIMITS, type Message } from '../core';
import type { CbamDocData, CbamDocInput } from '../core-docs';
import type { TemplateAnswer } from './template.worker';

export type TemplateFill = { ok: true; bytes: Uint8Array; report: unknown } | { ok: false; errors: Message[] };

export interface TemplateFillOptions {
  /** Time limit (default: the import worker's limit); the worker is terminated when it is reached. */
  timeoutMs?: number;
}

export async function fillTemplateInWorker(template: Blob, model: CbamDocInput | CbamDocData, opts: TemplateFillOptions = {}): Promise<TemplateFill> {
  const timeoutMs = opts.timeoutMs ?? LIMITS.workerTimeoutMs;
  if (template.size > LIMITS.maxFileBytes)
    return {
      ok: false,
      errors: [
        { key: 'import:error.tooLarge', params: { size: Math.round((template.size / 1048576) * 10) / 10, limit: Math.round(LIMITS.maxFileBytes / 1048576) } },
        { key: 'import:fix.smallerFile' },
      ],
    };
  if (template.size === 0) return { ok: false, errors: [{ key: 'import:error.empty' }] };
  const buffer = await template.arrayBuffer();
  const worker = new Worker(new URL('./template.worker.ts', import.meta.url), { type: 'module', name: 'carbonbridge-template' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const answer = await new Promise<TemplateAnswer | 'timeout'>((resolve, reject) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
      worker.onmessage = (e: MessageEvent<TemplateAnswer>) => resolve(e.data);
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        reject(new Error(e.message || 'worker error'));
      };
      worker.onmessageerror = () => reject(new Error('message error'));
      worker.postMessage({ id: 1, buffer, model: JSON.parse(JSON.stringify(model)) }, [buffer]);
    });
    if (answer === 'timeout')
      return { ok: false, errors: [{ key: 'import:error.timeout', params: { seconds: Math.round(timeoutMs / 1000) } }, { key: 'import:fix.smallerFile' }] };
    return answer.ok ? { ok: true, bytes: new Uint8Array(answer.bytes), report: answer.report } : { ok: false, errors: answer.errors };
  } catch (e) {
    return { ok: false, errors: [{ key: 'ui:docs.failed', params: { detail: String((e as Error)?.message ?? e).slice(0, 200) } }] };
  } finally {
    clearTimeout(timer);
    worker.terminate();
  }
}
