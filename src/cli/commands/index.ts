/** Registered CLI commands (one line each). */
import type { Command } from '../command';
import { compareCommand } from './compare';
import { computeCommand } from './compute';
import { packsCommand } from './packs';
import { validateCommand } from './validate';
import { cbamScreenCommand } from './cbam-screen';
import { cbamCostCommand } from './cbam-cost';
import { convertCommand } from './convert';
import { importCommand } from './import';
import { workbookCommand } from './workbook';
import { cbamCalcCommand } from './cbam-calc';
import { batteryCommand } from './battery';
import { statementCommand } from './statement';
import { labelCommand } from './label';
import { compareBatchCommand } from './compare-batch';

export const COMMANDS: Command[] = [validateCommand, computeCommand, compareCommand, packsCommand, cbamScreenCommand, cbamCostCommand, convertCommand, importCommand, workbookCommand, cbamCalcCommand, statementCommand, labelCommand, compareBatchCommand, batteryCommand];
