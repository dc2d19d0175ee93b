// A corporate template made by another tool: pptxgenjs writes a deck whose master carries a logo and whose
// theme part names custom colours and fonts, then LibreOffice re-saves it as .pptx and .potx — so the files
// gonogo reads are LibreOffice's serialisation, not ours.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { Resvg } from '@resvg/resvg-js';

export const ACME = {
  dk1: '202124', lt1: 'FFFFFF', dk2: '3A3F58', lt2: 'EEEEF4',
  accents: ['7A1FA2', 'E8710A', '1E8E3E', 'F9AB00', '12B5CB', 'D01884'],
  major: 'Georgia', minor: 'Verdana',
};

function themeXml(colors: { dk1: string; lt1: string; dk2: string; lt2: string; accents: string[] }, major: string, minor: string): string {
  const slot = (k: string, v: string) => `<a:${k}><a:srgbClr val="${v}"/></a:${k}>`;
  const acc = colors.accents.map((v, i) => slot(`accent${i + 1}`, v)).join('');
  const font = (tag: string, face: string) => `<a:${tag}><a:latin typeface="${face}"/><a:ea typeface=""/><a:cs typeface=""/></a:${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Acme"><a:themeElements>' +
    `<a:clrScheme name="Acme">${slot('dk1', colors.dk1)}${slot('lt1', colors.lt1)}${slot('dk2', colors.dk2)}${slot('lt2', colors.lt2)}${acc}${slot('hlink', colors.accents[0])}${slot('folHlink', colors.dk2)}</a:clrScheme>` +
    `<a:fontScheme name="Acme">${font('majorFont', major)}${font('minorFont', minor)}</a:fontScheme>` +
    '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>' +
    '<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>' +
    '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
    '<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>' +
    '</a:themeElements></a:theme>'
  );
}

/** A wide PNG wordmark, like a company logo. */
export function logoPng(text = 'ACME', fill = '#7A1FA2'): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><rect width="400" height="120" rx="14" fill="${fill}"/><rect x="24" y="30" width="60" height="60" fill="#FFFFFF"/><text x="110" y="84" font-size="64" font-family="sans-serif" font-weight="bold" fill="#FFFFFF">${text}</text></svg>`;
  return new Uint8Array(new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng());
}

export async function pptxgenTemplate(theme = ACME): Promise<Uint8Array> {
  const mod = await import('pptxgenjs');
  const Ctor = ((mod.default as unknown as { default?: unknown }).default ?? mod.default) as new () => import('pptxgenjs').default;
  const pres = new Ctor();
  pres.layout = 'LAYOUT_WIDE';
  pres.theme = { headFontFace: theme.major, bodyFontFace: theme.minor };
  const logo = 'image/png;base64,' + Buffer.from(logoPng()).toString('base64');
  pres.defineSlideMaster({ title: 'ACME', background: { color: 'FFFFFF' }, objects: [{ image: { x: 11.2, y: 0.25, w: 1.6, h: 0.48, data: logo } }] });
  pres.addSlide({ masterName: 'ACME' }).addText('Acme corporate template', { x: 1, y: 1, w: 8, h: 1 });
  const entries = unzipSync((await pres.write({ outputType: 'uint8array' })) as Uint8Array);
  entries['ppt/theme/theme1.xml'] = strToU8(themeXml(theme, theme.major, theme.minor));
  // LibreOffice keeps the colour scheme it imported but rebuilds the font scheme from the master's text
  // styles, so the faces are written there too, as a template made in PowerPoint would have them.
  for (const name of ['ppt/presentation.xml', 'ppt/slideMasters/slideMaster1.xml']) {
    const xml = strFromU8(entries[name]).replace(/typeface="\+mj-lt"/g, `typeface="${theme.major}"`).replace(/typeface="(\+mn-lt|Arial)"/g, `typeface="${theme.minor}"`);
    entries[name] = strToU8(xml);
  }
  return zipSync(entries);
}

/** Re-saves `source` through LibreOffice as .pptx and .potx in `outDir`; returns their paths. */
export function resaveWithLibreOffice(source: string, outDir: string): { pptx: string; potx: string } {
  const profile = mkdtempSync(join(tmpdir(), 'gonogo-lo-profile-'));
  const run = (to: string, sub: string) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', join(outDir, sub), source], { stdio: 'ignore', timeout: 240_000 });
  try {
    run('pptx:Impress Office Open XML', 'pptx');
    run('potx:Impress Office Open XML Template', 'potx');
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const one = (sub: string, ext: string) => join(outDir, sub, readdirSync(join(outDir, sub)).find((f) => f.endsWith(ext))!);
  return { pptx: one('pptx', '.pptx'), potx: one('potx', '.potx') };
}

/** The pptxgenjs original (`source`) and LibreOffice's .pptx and .potx re-saves of it. */
export async function makeTemplates(dir: string): Promise<{ source: string; pptx: string; potx: string }> {
  const source = join(dir, 'acme-source.pptx');
  writeFileSync(source, await pptxgenTemplate());
  return { source, ...resaveWithLibreOffice(source, dir) };
}
