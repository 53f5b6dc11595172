import { CbamDocDataSchema, type CbamDocData, type CbamDocInput } from './model';
import { CbamDocError } from './errors';
import type { Message } from '../../i18n/message';
import type { z } from 'zod';

/** Turn zod issues into translatable messages: issues whose message is already a `cbamdocs:` key keep it. */
export function issuesToMessages(issues: z.core.$ZodIssue[]): Message[] {
  return issues.map((i) => {
    const field = i.path.map(String).join('.') || '(root)';
    const key = i.message.startsWith('cbamdocs:') ? i.message : 'cbamdocs:errors.invalidField';
    return { key, params: { field, detail: i.code } };
  });
}

const PARSED = Symbol.for('carbonbridge.cbamdocs.parsed');

/** Validate and normalise the document data (bare numbers become `{ value }`). Throws CbamDocError. */
export function parseCbamDocData(input: CbamDocInput | CbamDocData): CbamDocData {
  if (input && typeof input === 'object' && (input as Record<symbol, unknown>)[PARSED]) return input as CbamDocData;
  const r = CbamDocDataSchema.safeParse(input);
  if (!r.success) {
    const [first, ...more] = issuesToMessages(r.error.issues);
    throw new CbamDocError(first!, more);
  }
  Object.defineProperty(r.data, PARSED, { value: true, enumerable: false });
  return r.data;
}
