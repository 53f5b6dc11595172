/**
 * The battery-passport carbon-footprint excerpt of a declaration: the Battery Pass data model v1.2.0
 * (urn:samm:io.BatteryPass.CarbonFootprint:1.2.0#CarbonFootprintForBatteries) and the same figures under the
 * BatteryPass-Ready attribute names. Only declared figures are exported; what is missing is listed, not filled.
 */
import { msg, type Message } from '../i18n/message';
import type { TFunction } from '../i18n/translate';
import type { BatteryDeclaration } from './declaration';

export const BATTERY_PASS_ASPECT = 'urn:samm:io.BatteryPass.CarbonFootprint:1.2.0#CarbonFootprintForBatteries';

/** Regulation stage (EU pack reporting stage id) → Battery Pass v1.2.0 lifecycleStage and BatteryPass-Ready attribute. */
const STAGE_NAMES: Record<string, { bp: string; ready: string }> = {
  'raw-material-acquisition-and-pre-processing': { bp: 'RawMaterialExtraction', ready: 'ContributionOfRawMaterialAcquisitionAndPre-processingLifecycleStage' },
  'main-product-production': { bp: 'MainProduction', ready: 'ContributionOfMainProductProductionLifecycleStage' },
  distribution: { bp: 'Distribution', ready: 'ContributionOfDistributionLifecycleStage' },
  'end-of-life-and-recycling': { bp: 'Recycling', ready: 'ContributionOfEndOfLifeAndRecyclingLifecycleStage' },
};

/** Performance class text while no class is adopted (the attribute is required by the v1.2.0 schema); in the reader's language with `t`. */
export const CLASS_NOT_ADOPTED = 'not adopted (Regulation (EU) 2023/1542 Art. 7(2): delegated act pending)';

export interface PassportExport {
  ok: boolean;
  /** Why the excerpt cannot be produced (missing figures). */
  missing: Message[];
  batteryPass?: Record<string, unknown>;
  batteryPassReady?: Record<string, unknown>;
}

export function passportExcerpt(d: BatteryDeclaration, t?: TFunction): PassportExport {
  const missing: Message[] = [];
  if (d.total.kgPerKWh === null) missing.push(msg('battery:passport.noTotal'));
  if (!d.battery.publicStudyUrl) missing.push(msg('battery:passport.noStudy'));
  for (const s of d.stages)
    if (s.kgPerKWh === null && d.total.kgPerKWh !== null) missing.push(msg('battery:passport.stageMissing', { stage: `$t:battery:stage.${s.id}` }));
  const unknownStage = d.stages.find((s) => !STAGE_NAMES[s.id]);
  if (unknownStage) missing.push(msg('battery:passport.notEuStages', { pack: d.pack.id }));
  if (missing.length) return { ok: false, missing };
  const cls = d.performanceClass.userClass ?? (t ? t('battery:passport.classNotAdopted') : CLASS_NOT_ADOPTED);
  const batteryPass: Record<string, unknown> = {
    batteryCarbonFootprint: d.total.kgPerKWh,
    carbonFootprintPerLifecycleStage: d.stages.map((s) => ({ lifecycleStage: STAGE_NAMES[s.id]!.bp, carbonFootprint: s.kgPerKWh })),
    carbonFootprintPerformanceClass: cls,
    carbonFootprintStudy: d.battery.publicStudyUrl,
  };
  if (d.total.kgPerBattery !== null) batteryPass.absoluteCarbonFootprint = d.total.kgPerBattery;
  const inner: Record<string, unknown> = { BatteryCarbonFootprintPerFunctionalUnit: d.total.kgPerKWh };
  for (const s of d.stages) inner[STAGE_NAMES[s.id]!.ready] = s.kgPerKWh;
  inner.CarbonFootprintPerformanceClass = cls;
  inner.WebLinkToPublicCarbonFootprintStudy = d.battery.publicStudyUrl;
  if (d.total.kgPerBattery !== null) inner.AbsoluteBatteryCarbonFootprint = Math.round(d.total.kgPerBattery);
  return { ok: true, missing, batteryPass, batteryPassReady: { BatteryCarbonFootprint: inner } };
}
