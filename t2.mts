import { runUntil } from './src/pipeline.js';
const r = await runUntil('compose', process.argv[2] ?? 'decks/quoting-workflow');
for (const s of r.compose!.slides) {
  console.log(`\n## ${s.id} [${s.kind}] ${s.title}`);
  for (const b of s.blocks) {
    if (b.type === 'text') console.log('  T:', b.text);
    if (b.type === 'bullets') b.items.forEach(i => console.log('  •', i.text));
    if (b.type === 'kpis') b.items.forEach(i => console.log('  K:', i.label, '|', i.value, '|', i.detail));
    if (b.type === 'table') { console.log('  |', b.header.join(' | ')); b.rows.slice(0,3).forEach(r => console.log('  |', r.map(c=>c.text).join(' | '))); }
    if (b.type === 'chart') console.log('  C:', b.chart.alt);
    if (b.type === 'columns') b.columns.forEach(c => console.log('  col:', c.heading, JSON.stringify(c.blocks).slice(0,200)));
  }
  s.notes.forEach(n => console.log('  N:', n));
}
