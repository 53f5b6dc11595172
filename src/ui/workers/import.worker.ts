/// <reference lib="webworker" />
/**
 * Import worker: runs SheetJS and the whole import off the main thread. Receives the file's bytes (transferred),
 * answers with the packed result (small head + JSON chunks of lines), which the client validates with the core's
 * schemas. The client terminates the worker after each file and after its time limit.
 */
import { importBytes, packResult, type ImportOptions } from '../core';

export interface ImportRequest {
  id: number;
  buffer: ArrayBuffer;
  name: string;
  options: ImportOptions;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<ImportRequest>) => {
  const { id, buffer, name, options } = e.data;
  const result = importBytes(new Uint8Array(buffer), String(name ?? 'file'), options ?? {});
  const packed = packResult(result);
  // the head first, then each chunk of lines as its own message: the main thread deserialises small messages
  scope.postMessage({ id, packed: { ...packed, chunks: [] }, chunkCount: packed.chunks.length });
  for (const chunk of packed.chunks) scope.postMessage({ id, chunk });
};
