// Every verb the CLI knows, in --help order. Adding a verb is one line here and one module.
import type { CliCommand } from './io.js';
import { buildCommand } from './build.js';
import { validateCommand } from './validate.js';
import { schemaCommand } from './schema.js';
import { statsCommand } from './stats.js';
import { pullCommand } from './pull.js';

export const commands: CliCommand[] = [buildCommand, validateCommand, pullCommand, schemaCommand, statsCommand];
