// Entry for git's textconv without the bundle: `node_modules/.bin/tsx src/cli/textconv-entry.ts FILE`.
// main() loads the PPTX reader only inside the textconv verb, so start-up stays small.
import { main } from './main.js';

process.exitCode = await main(['textconv', ...process.argv.slice(2)]);
