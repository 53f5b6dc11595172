import { describe, expect, it } from 'vitest';
import { msg } from '../../i18n/message';
import { Findings } from './findings';

describe('findings of a conversion', () => {
  it('a finding with a row names the line (path into the inventory, 0-based; row 1-based)', () => {
    const f = new Findings();
    f.add('warning', msg('cbamconvert:warnings.greenCertificate', { line: 'L-3' }), 3, 'L-3');
    f.add('info', msg('cbamconvert:warnings.noDirectLines'));
    expect(f.list[0]).toEqual({
      severity: 'warning',
      message: msg('cbamconvert:warnings.greenCertificate', { line: 'L-3' }),
      path: ['inventory', 2],
      line: { id: 'L-3', row: 3 },
    });
    expect(f.list[1]).toEqual({ severity: 'info', message: { key: 'cbamconvert:warnings.noDirectLines' }, path: [] });
    expect(f.hasError).toBe(false);
    f.add('error', msg('cbamconvert:errors.noCnCode'));
    expect(f.hasError).toBe(true);
  });

  it('merging line findings puts them in inventory order, keeping the order within a row', () => {
    const a = new Findings();
    const b = new Findings();
    b.add('error', msg('x:row5'), 5, 'E');
    b.add('info', msg('x:row2-first'), 2, 'B');
    b.add('info', msg('x:row2-second'), 2, 'B');
    a.merge(b, true);
    expect(a.list.map((p) => p.message.key)).toEqual(['x:row2-first', 'x:row2-second', 'x:row5']);
    const c = new Findings();
    c.merge(b);
    expect(c.list.map((p) => p.message.key)).toEqual(['x:row5', 'x:row2-first', 'x:row2-second']);
  });
});
