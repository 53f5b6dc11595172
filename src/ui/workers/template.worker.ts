/// <reference lib="webworker" />
/**
 * Template worker: fills the official CBAM communication template off the main thread (the zip guard, unzipping,
 * writing and the verification all run here), so a large or hostile template never freezes the page. Receives the
 * template's bytes (transferred) and the documents model; answers with the filled bytes (transferred) and the
 * verification report, or the translatable messages of the error. The client terminates it after each fill.
 */
import { fillOfficialTemplate, type CbamDocData, type CbamDocInput } from '../core-docs';
import type { Message } from '../core';

export interface TemplateRequest {
  id: number;
  buffer: ArrayBuffer;
  model: CbamDocInput | CbamDocData;
}
export type TemplateAnswer = { id: number; ok: true; bytes: ArrayBuffer; report: unknown } | { id: number; ok: false; errors: Message[] };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<TemplateRequest>) => {
  const { id, buffer, model } = e.data;
  try {
    const out = fillOfficialTemplate(new Uint8Array(buffer), model);
    const bytes = out.bytes.buffer.slice(out.bytes.byteOffset, out.bytes.byteOffset + out.bytes.byteLength) as ArrayBuffer;
    scope.postMessage({ id, ok: true, bytes, report: out.report } satisfies TemplateAnswer, [bytes]);
  } catch (err) {
    const m = (err as { messages?: Message[] })?.messages;
    const errors: Message[] =
      Array.isArray(m) && m.length ? m : [{ key: 'ui:docs.failed', params: { detail: String((err as Error)?.message ?? err).slice(0, 200) } }];
    scope.postMessage({ id, ok: false, errors } satisfies TemplateAnswer);
  }
};
