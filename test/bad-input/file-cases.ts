// Bad files: missing, empty, binary, wrong encoding, wrong kind of path.
import type { BadCase } from './support.js';

const Y = 'gonogo.yaml';

export const fileCases: BadCase[] = [
  {
    name: 'file: no spec in the folder',
    files: { [Y]: null },
    expect: { code: 'spec/missing-file', message: 'no gonogo.yaml in .', at: null, hint: /gonogo init/ },
  },
  {
    name: 'file: a spec path that does not exist',
    target: 'decks/nope.yaml',
    expect: { code: 'spec/missing-file', message: 'no gonogo.yaml at decks/nope.yaml: the path does not exist', at: null, hint: 'check the path; create a new deck with: gonogo init decks/nope.yaml' },
  },
  {
    name: 'file: the metrics CSV given where the spec is expected',
    target: 'metrics.csv',
    expect: { code: 'spec/shape', message: /metrics\.csv should hold a mapping/, at: { file: 'metrics.csv', line: 1, col: 1 }, hint: 'metrics.csv does not look like a spec: give the deck folder, or its gonogo.yaml' },
  },
  {
    name: 'file: empty spec',
    files: { [Y]: '' },
    expect: { code: 'file/empty', message: 'spec gonogo.yaml is empty', at: { file: Y, line: 1, col: 1 }, hint: /gonogo init/ },
  },
  {
    name: 'file: spec of blank lines only',
    files: { [Y]: '\n\n   \n' },
    expect: { code: 'spec/empty', message: 'gonogo.yaml holds no settings', at: { file: Y, line: 1, col: 1 }, hint: /gonogo init/ },
  },
  {
    name: 'file: binary spec',
    files: { [Y]: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]) },
    expect: { code: 'file/binary', message: 'spec gonogo.yaml is a binary file, not text', at: { file: Y, line: 1, col: 1 }, expected: 'UTF-8 text', hint: /\.pptx|zip|text/ },
  },
  {
    name: 'file: Latin-1 spec',
    files: { [Y]: Buffer.from('deck:\n  title: Caf\xe9 workflow\n  owner: O\n', 'latin1') },
    expect: { code: 'file/encoding', message: 'spec gonogo.yaml is not valid UTF-8 (byte 0xe9 at line 2)', at: { file: Y, line: 2, col: 13 }, expected: 'UTF-8 text', hint: /iconv -f latin1/ },
  },
  {
    name: 'file: UTF-16 spec',
    files: { [Y]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('deck:\n  title: T\n', 'utf16le')]) },
    expect: { message: 'spec gonogo.yaml is UTF-16 text', at: { file: Y, line: 1, col: 1 }, hint: /iconv -f utf-16/ },
  },
  {
    name: 'file: the spec path is a folder',
    files: { [Y]: null, [`${Y}/keep`]: 'x' },
    expect: { code: 'file/is-directory', message: /gonogo\.yaml is a folder, not a file/ },
  },
  {
    name: 'file: metrics_file points at a folder',
    files: { 'metrics.csv': null, 'metrics.csv/keep': 'x' },
    expect: { code: 'spec/path', message: 'metrics_file names metrics.csv, which is a folder', at: { file: Y, marker: 'metrics.csv' } },
  },
  {
    name: 'file: metrics_file escapes the deck folder',
    spec: (y) => y.replace('metrics_file: metrics.csv', 'metrics_file: ../../etc/passwd'),
    expect: { code: 'spec/path', message: 'metrics_file "../../etc/passwd" lies outside the deck folder', at: { file: Y, marker: '../../etc/passwd' }, field: 'metrics_file' },
  },
  {
    name: 'minimal fixture: an option label missing',
    fixture: 'minimal',
    spec: (y) => y.replace('{id: B, label: Hold}', '{id: B}'),
    expect: { code: 'spec/missing', message: 'decision.options[1].label is required', at: { file: Y, marker: '{id: B}' }, hint: 'add label: to decision.options[1]' },
  },
  {
    name: 'minimal fixture: the treatment row with its interval reversed',
    fixture: 'minimal',
    csv: (c) => c.replace('conv,treatment,all,0.11,0.105,0.115', 'conv,treatment,all,0.11,0.115,0.105'),
    expect: { message: 'line 3: ci_low 0.115 is above ci_high 0.105 for conv / treatment', at: { file: 'metrics.csv', marker: '0.115,0.105' } },
  },
  {
    name: 'minimal fixture: a criterion naming an option that does not exist',
    fixture: 'minimal',
    spec: (y) => y.replace('hold: {label: Hold, option: B,', 'hold: {label: Hold, option: b,'),
    expect: { message: 'criteria.hold.option names option "b"', at: { file: Y, marker: 'b, any' }, hint: 'did you mean "B"?' },
  },
];
