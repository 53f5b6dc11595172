/** Types of tools/build-hostile-fixtures.mjs (used by the import tests). */
export interface HostileFixture {
  bytes: Uint8Array;
  expect: Record<string, unknown>;
}
export function buildSmall(): Record<string, HostileFixture>;
export function buildLarge(): Record<string, HostileFixture>;
export function xlsx(sheets: { name: string; xml: string }[]): Uint8Array;
export function xlsxParts(sheets: { name: string; xml: string }[]): Record<string, Uint8Array>;
