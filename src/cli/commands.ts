// Every verb the CLI knows, in --help order. Adding a verb is one line here and one module.
import type { CliCommand } from './io.js';
import { validateCommand } from './validate.js';
import { schemaCommand } from './schema.js';
import { textconvCommand } from './textconv.js';
import { diffCommand } from './diff.js';

export const commands: CliCommand[] = [validateCommand, schemaCommand, textconvCommand, diffCommand];
