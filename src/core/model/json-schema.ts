/** JSON Schema (draft 2020-12) of the dataset format, derived from the zod schema. */
import { z } from 'zod';
import { Dataset, DATASET_FORMAT_VERSION } from './dataset';

export function datasetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Dataset, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://carbonbridge.invalid/schema/dataset-v${DATASET_FORMAT_VERSION}.json`,
    title: 'CarbonBridge footprint dataset',
    description:
      'A product carbon footprint study (GB/T 24067-2024 / ISO 14067) with its inventory kept gas by gas. Numbers may also be given as text with Arabic-Indic or full-width digits; CarbonBridge normalises them.',
  };
}
