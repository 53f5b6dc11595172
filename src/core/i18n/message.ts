/** A user-facing message: an i18n key (namespace:key) and its interpolation parameters. Core code never returns prose. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

export const msg = (key: string, params?: Record<string, string | number>): Message => (params ? { key, params } : { key });
