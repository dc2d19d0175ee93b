// Every verb the CLI knows, in --help order. Adding a verb is one line here and one module.
import type { CliCommand } from './io.js';
import { statsCommand } from './stats.js';

export const commands: CliCommand[] = [statsCommand];
