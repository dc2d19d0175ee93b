// `gonogo --version` prints package.json's version and nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

describe('gonogo --version', () => {
  it.each([['--version'], ['-v']])('%s prints the version', async (flag) => {
    const r = await runCli([flag]);
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
  it('is named in --help', async () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => void lines.push(a.join(' ')); // yargs prints help through the console
    try {
      expect((await runCli(['--help'])).code).toBe(0);
    } finally {
      console.log = log;
    }
    expect(lines.join('\n')).toContain(`gonogo --version prints the version (${version})`);
    expect(lines.join('\n')).toContain('gonogo git-setup');
  });
});
