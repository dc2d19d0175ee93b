// Every verb the CLI knows, in --help order. Adding a verb is one line here and one module.
import type { CliCommand } from './io.js';
import { initCommand } from './init.js';
import { buildCommand } from './build.js';
import { validateCommand } from './validate.js';
import { schemaCommand } from './schema.js';
import { statsCommand } from './stats.js';
import { pullCommand } from './pull.js';
import { watchCommand } from './watch.js';
import { diffCommand } from './diff.js';
import { textconvCommand } from './textconv.js';
import { gitSetupCommand } from './git-setup.js';

export const commands: CliCommand[] = [initCommand, buildCommand, validateCommand, pullCommand, watchCommand, diffCommand, textconvCommand, gitSetupCommand, schemaCommand, statsCommand];
