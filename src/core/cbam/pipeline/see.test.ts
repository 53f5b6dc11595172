import { describe, expect, it } from 'vitest';
import { seeDirect, seeStage, shareByDefault, type SeeInput } from './see';

const base: SeeInput = {
  activityLevel: 100_000,
  attributedDirect: 5_000,
  attributedIndirect: 12_000,
  hasElectricity: true,
  precursorsDirect: 106_734,
  precursorsIndirect: 6_838,
  defaultDirect: 84_234,
  indirectCounted: true,
  uncertainDirect: false,
  uncertainPrecursors: true,
  uncertainEf: false,
};

describe('stage 7: specific embedded emissions through the kernel', () => {
  it('SEE_dir = (AttrEm_dir + Σ M·SEE_dir) / AL; SEE_ind likewise; total; counted (hand calculation)', () => {
    // (5,000 + 106,734) / 100,000 = 1.11734; (12,000 + 6,838) / 100,000 = 0.18838
    const s = seeStage(base);
    expect(s.direct!.value).toBe(1.11734);
    expect(s.indirect!.value).toBe(0.18838);
    expect(s.total!.value).toBe(1.30572);
    expect(s.counted).toBe('total');
    expect(s.countedValue!.value).toBe(1.30572);
    expect(s.direct!.uncertain).toBe(true);
    const d = seeStage({ ...base, indirectCounted: false });
    expect(d.countedValue!.value).toBe(1.11734);
  });

  it('issue 9 defect 3: the share of emissions by default value is on the direct embedded emissions (template definition)', () => {
    // 84,234 / (5,000 + 106,734) = 0.753880… (the old direct+indirect share was (84,234 + 3,838) / 130,572 = 0.6745)
    expect(seeStage(base).shareDefault).toBe(Math.round((84_234 / 111_734) * 1e6) / 1e6);
    expect(seeStage(base).shareDefault).toBe(0.75388);
    expect(shareByDefault(5_000, 106_734, 0)).toBe(0);
    expect(shareByDefault(5_000, null, 1)).toBeNull();
    expect(shareByDefault(-200_000, 106_734, 84_234)).toBeNull(); // not above zero: no share
  });

  it('a missing figure stays missing: no precursor sum → no SEE_dir; no factor → no SEE_ind; never 0', () => {
    expect(seeDirect(100, 50, null)).toBeNull();
    const s = seeStage({ ...base, attributedIndirect: null });
    expect(s.indirect).toBeNull();
    expect(s.total).toBeNull();
    expect(s.countedValue).toBeNull();
    expect(s.direct!.value).toBe(1.11734);
    // without electricity lines AttrEm_ind is nil, not missing
    expect(seeStage({ ...base, attributedIndirect: null, hasElectricity: false }).indirect!.value).toBe(0.06838);
  });

  it('a negative AttrEm_dir goes through the formula unchanged (defect 8)', () => {
    expect(seeDirect(1_000, -1_800, 2_500)).toBe(0.7);
    expect(seeDirect(1_000, -1_800, 0)).toBe(-1.8);
  });
});
