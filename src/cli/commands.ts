// Every verb the CLI knows, in --help order. Adding a verb is one line here and one module.
import type { CliCommand } from './io.js';
import { pullCommand } from './pull.js';

export const commands: CliCommand[] = [pullCommand];
