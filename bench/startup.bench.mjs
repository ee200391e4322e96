// `katarun --version` must stay within 2× of `node -e 0` (Ink, React and marked are loaded only where needed).
import {cli, printTable, timeCommand} from './lib.mjs';

const node = timeCommand(process.execPath, ['-e', '0']);
const version = timeCommand(process.execPath, [cli, '--version']);
const help = timeCommand(process.execPath, [cli, '--help']);
printTable([
  {name: 'node -e 0 (baseline)', ms: node},
  {name: 'katarun --version', ms: version, baseline: node, target: '≤ 2×'},
  {name: 'katarun --help', ms: help, baseline: node, target: '≤ 2×'},
]);
