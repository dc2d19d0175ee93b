// The program's version, from package.json (inlined by the bundler, so the installed CLI needs no file lookup).
import packageJson from '../../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
