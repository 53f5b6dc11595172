import type { Message } from '../../i18n/message';
import { msg } from '../../i18n/message';

/** Error carrying translatable messages (namespace `cbamdocs`). `message` holds the first key, for logs only. */
export class CbamDocError extends Error {
  readonly messages: Message[];
  constructor(first: Message, more: Message[] = []) {
    super(first.key);
    this.name = 'CbamDocError';
    this.messages = [first, ...more];
  }
}

export const docError = (key: string, params?: Record<string, string | number>): CbamDocError => new CbamDocError(msg(`cbamdocs:${key}`, params));
