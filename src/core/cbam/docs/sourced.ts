/**
 * The documents' sourced number (./model.ts `SourcedNumber`: a value with a citation text and a kind) is the written
 * form of the core's figure (../../figure.ts `Fig`): its unit is the field's (the units of ./model.ts), its source the
 * figure's source cited as text. One conversion, used wherever a figure enters the documents' model.
 */
import type { Fig, FigSource } from '../../figure';
import type { SourceKind, SourcedNumber } from './model';

/** The documents' kind of each kind of figure source (every kind of `FigSource` has one). */
export const SOURCE_KIND: Record<FigSource['kind'], SourceKind> = {
  rule: 'default',
  supplier: 'supplier',
  user: 'user',
  dataset: 'measured',
  computed: 'calculated',
  library: 'other',
};

/** The source of a figure as the documents cite it: dataset lines, the act of a rule, the user, a supplier, a library factor or the formula. */
export function sourceRefOf(f: Fig): string {
  const s = f.source;
  switch (s.kind) {
    case 'dataset':
      return `Dataset${s.lines.length ? ` line ${s.lines.join(', ')}` : ''}${s.note ? ` (${s.note})` : ''}`;
    case 'rule':
      return [s.ref.act, s.ref.annex, s.ref.table, s.ref.note].filter(Boolean).join(', ');
    case 'user':
      return `Entered by the user: ${s.field}`;
    case 'supplier':
      return `Supplier communication (line ${s.line}${s.ref ? `: ${s.ref}` : ''}${s.verified ? ', verified' : ''})`;
    case 'library':
      return `${s.act} [${s.id}]`;
    case 'computed':
      return s.formula;
  }
}

/** A figure as a sourced number of the documents' model (the uncertainty flag kept on the source). */
export const sourcedNumberOf = (f: Fig): SourcedNumber => ({
  value: f.value,
  source: { ref: sourceRefOf(f), kind: SOURCE_KIND[f.source.kind], ...(f.uncertain ? { uncertain: true } : {}) },
});
