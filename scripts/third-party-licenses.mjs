// The licences of every package bundled into dist/: name, version, licence and its text, from the
// bundler's metafile. The package ships this file because its bundle carries these packages' code.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** node_modules/a/b.js → a; node_modules/@s/p/x.js → @s/p; the innermost node_modules wins. */
function packageDirOf(input) {
  const parts = input.split('/');
  const i = parts.lastIndexOf('node_modules');
  if (i < 0) return undefined;
  const name = parts[i + 1].startsWith('@') ? `${parts[i + 1]}/${parts[i + 2]}` : parts[i + 1];
  return [...parts.slice(0, i + 1), name].join('/');
}

export function writeThirdPartyLicenses(root, metafile, file) {
  const dirs = new Set(Object.keys(metafile.inputs).map(packageDirOf).filter(Boolean));
  const entries = [...dirs]
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      const licenceFile = readdirSync(join(root, dir)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
      const text = licenceFile && existsSync(join(root, dir, licenceFile)) ? readFileSync(join(root, dir, licenceFile), 'utf8').trim() : `(no licence file; package.json says ${pkg.license ?? 'nothing'})`;
      return { id: `${pkg.name}@${pkg.version}`, license: typeof pkg.license === 'string' ? pkg.license : JSON.stringify(pkg.license), text };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const unique = entries.filter((e, i) => i === 0 || e.id !== entries[i - 1].id);
  // Many packages (all of @stdlib) share one licence text: print each text once, after the packages under it.
  const byText = new Map();
  for (const e of unique) byText.set(e.text, [...(byText.get(e.text) ?? []), `${e.id} (${e.license})`]);
  const header = `Packages bundled into gonogo's dist/ (${unique.length}), with their licences.\n`;
  writeFileSync(file, header + [...byText].map(([text, ids]) => `\n${'='.repeat(78)}\n${ids.join('\n')}\n${'-'.repeat(78)}\n${text}\n`).join(''));
}
