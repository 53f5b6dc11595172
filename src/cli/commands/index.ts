/** Registered CLI commands (one line each). */
import type { Command } from '../command';
import { compareCommand } from './compare';
import { computeCommand } from './compute';
import { packsCommand } from './packs';
import { validateCommand } from './validate';

export const COMMANDS: Command[] = [validateCommand, computeCommand, compareCommand, packsCommand];
