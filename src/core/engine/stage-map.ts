/**
 * Stage mapping: a pack may report on its own life-cycle stages (e.g. four regulatory stages) built from
 * the dataset's five stages. Each reporting stage is the exact decimal sum of the result's stages mapped to
 * it, so the reporting stages add up exactly to the total. A reporting stage the study cannot fill is
 * named: outside the study's declared boundary, or inside it with no inventory line.
 */
import { STAGES, type Boundary, type Stage } from '../model/dataset';
import { ExactSum } from '../num';
import type { ReportingStage, SourceRef } from '../packs/schema';
import { BOUNDARY_STAGES } from './helpers';
import { CO2E_DP, type FootprintResult } from './types';

export interface MappedStage {
  id: string;
  title: ReportingStage['title'];
  from: Stage[];
  source: SourceRef;
  /** kg CO2e per functional unit. */
  kg: number;
  /** Included lines that feed this stage. */
  lines: number;
  status: 'present' | 'outside-boundary' | 'no-lines';
}

export interface StageMapping {
  stages: MappedStage[];
  /** Dataset stages the pack does not report (e.g. the use stage), with what they would have added. */
  unmapped: { stage: Stage; lines: number; co2eIfIncluded: number }[];
  /** Σ of the reporting stages; equals result.total when every counted stage is mapped. */
  total: number;
}

export function mapStages(result: FootprintResult, reporting: readonly ReportingStage[], boundary: Boundary): StageMapping {
  const inBoundary = BOUNDARY_STAGES[boundary];
  const total = new ExactSum(CO2E_DP);
  const stages: MappedStage[] = reporting.map((r) => {
    const sum = new ExactSum(CO2E_DP);
    for (const s of r.from) sum.add(result.byStage[s]);
    total.add(sum.value);
    const lines = result.lines.filter((l) => l.included && r.from.includes(l.stage)).length;
    const status = !r.from.some((s) => inBoundary.includes(s)) ? 'outside-boundary' : lines === 0 ? 'no-lines' : 'present';
    return { id: r.id, title: r.title, from: [...r.from], source: r.source, kg: sum.value, lines, status };
  });
  const mapped = new Set(reporting.flatMap((r) => r.from));
  const unmapped = STAGES.filter((s) => !mapped.has(s)).map((stage) => {
    const ls = result.lines.filter((l) => l.stage === stage);
    const sum = new ExactSum(CO2E_DP);
    for (const l of ls) sum.add(l.co2eIfIncluded);
    return { stage, lines: ls.length, co2eIfIncluded: sum.value };
  });
  return { stages, unmapped, total: total.value };
}
