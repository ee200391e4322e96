import {describe, expect, it} from 'vitest';
import {globMatcher, matchAssets} from '../../../src/scenario/assets/glob.js';

const FILES = ['run.sh', 'conf.yaml', 'app1/images/image2.png', 'app1/settings.json', 'app2/cnf/cnf.yaml', 'app2/img/img2.png', 'app2/x.y', 'notes'];

describe('asset globs', () => {
  it.each([
    ['*', ['run.sh', 'conf.yaml', 'notes']],
    ['**', FILES],
    ['**/*.yaml', ['conf.yaml', 'app2/cnf/cnf.yaml']],
    ['app1/**/*.*', ['app1/images/image2.png', 'app1/settings.json']],
    ['app*/*.*', ['app1/settings.json', 'app2/x.y']],
    ['*.sh', ['run.sh']],
    ['run.sh', ['run.sh']],
    ['./run.sh', ['run.sh']],
    ['app2', ['app2/cnf/cnf.yaml', 'app2/img/img2.png', 'app2/x.y']],
    ['app2/', ['app2/cnf/cnf.yaml', 'app2/img/img2.png', 'app2/x.y']],
    ['conf.y?ml', ['conf.yaml']],
    ['app[12]/*.json', ['app1/settings.json']],
    ['missing*', []],
  ])('%s', (pattern, expected) => {
    expect(matchAssets(pattern, FILES).sort()).toEqual([...expected].sort());
  });

  it('keeps * inside one folder and lets ** match no folder at all', () => {
    expect(globMatcher('a/*')('a/b/c')).toBe(false);
    expect(globMatcher('a/**/c')('a/c')).toBe(true);
    expect(globMatcher('a/**/c')('a/x/y/c')).toBe(true);
    expect(globMatcher('*.json')('.json')).toBe(true);
  });
});
