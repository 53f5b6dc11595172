/**
 * The UI's door into the core for start-up: turning core messages into text (src/core/i18n). It is a door of its own
 * because the i18n module is in the first page's script: going through src/ui/core.ts would pull the whole core
 * (rule packs, engine, CBAM) into the start-up graph. Only re-exports; no logic.
 */
export { translateMessage, translateProblem, resolveParam, type TFunction } from '../core/i18n/translate';
