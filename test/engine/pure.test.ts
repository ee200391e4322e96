import {describe, expect, it} from 'vitest';
import {resolvePlaceholders} from '../../src/engine/placeholders.js';
import {parseExportP} from '../../src/engine/env-snapshot.js';
import {judgeCheck} from '../../src/engine/check-output.js';
import {applyChmod} from '../../src/engine/chmod-mode.js';
import {applyFileEdit} from '../../src/engine/file-action.js';
import {defaultDirs, safeId} from '../../src/engine/dirs.js';

describe('placeholders', () => {
  it('maps Katacoda proxy URLs, host IPs and Killercoda traffic links to local addresses', () => {
    const r = resolvePlaceholders(
      'curl https://[[HOST_SUBDOMAIN]]-8080-[[KATACODA_HOST]].environments.katacoda.com/api; ping [[HOST_IP]] [[HOST2_IP]]; open {{TRAFFIC_HOST1_80}}/x',
    );
    expect(r.text).toBe('curl http://localhost:8080/api; ping 127.0.0.1 127.0.0.1; open http://localhost:80/x');
    expect(r.portSelector).toBe(false);
  });
  it('turns the traffic selector into a notice', () => {
    const r = resolvePlaceholders('see {{TRAFFIC_SELECTOR}} and {{TRAFFIC_SELECTOR}}');
    expect(r.text).toBe('see http://localhost and http://localhost');
    expect(r.portSelector).toBe(true);
  });
  it('leaves plain text untouched', () => {
    expect(resolvePlaceholders('echo {{x}} [[y]]').text).toBe('echo {{x}} [[y]]');
  });
  it('reads the proxy URL forms real scenarios use: [[KATACODA_DOMAIN]], a port in a shell variable, no port', () => {
    // mlrun quick-start: a registry address built from the placeholders.
    expect(resolvePlaceholders('export REGISTRY=[[HOST_SUBDOMAIN]]-30100-[[KATACODA_HOST]].[[KATACODA_DOMAIN]]').text).toBe('export REGISTRY=localhost:30100');
    // Istio bookinfo: the port is what the previous command found.
    expect(resolvePlaceholders('curl http://[[HOST_SUBDOMAIN]]-$INGRESS_PORT-[[KATACODA_HOST]].environments.katacoda.com/productpage').text).toBe('curl http://localhost:$INGRESS_PORT/productpage');
    expect(resolvePlaceholders('[[HOST2_SUBDOMAIN]]-${PORT}-[[KATACODA_HOST]].[[KATACODA_DOMAIN]]').text).toBe('localhost:${PORT}');
    // No port: Katacoda's port selector page, as {{TRAFFIC_SELECTOR}}.
    const selector = resolvePlaceholders('open https://[[HOST_SUBDOMAIN]]-[[KATACODA_HOST]].environments.katacoda.com/ and pick 80');
    expect(selector.text).toBe('open http://localhost and pick 80');
    expect(selector.portSelector).toBe(true);
    expect(resolvePlaceholders('[[KATACODA_DOMAIN]]').text).toBe('localhost');
  });
});

describe('export -p parser', () => {
  it('reads bash 5 quoting: double quotes with escapes, $-quotes with octal UTF-8 bytes, valueless names', () => {
    const text = [
      'declare -x A="a\\"b\\$c\\`d\\\\e"',
      "declare -x B=$'x\\ny\\tz\\001'",
      'declare -x C',
      "declare -x D=$'\\303\\274 \\346\\227\\245\\346\\234\\254'",
      'declare -x E=""',
      'declare -x F="line1',
      'declare -x NOT_A_VAR=1"',
      'declare -x __KC_NONCE="secret"',
    ].join('\n');
    const vars = parseExportP(text);
    expect(vars).toEqual({A: 'a"b$c`d\\e', B: 'x\ny\tz\x01', D: 'ü 日本', E: '', F: 'line1\ndeclare -x NOT_A_VAR=1'});
  });
  it('reads POSIX-mode export lines', () => {
    expect(parseExportP("export X='it''s'\nexport Y=plain")).toMatchObject({X: 'it', Y: 'plain'});
  });
});

describe('check verdicts', () => {
  it('passes on exit 0, or for a done-rule script on a done line; keeps FAIL feedback and expected/actual otherwise', () => {
    expect(judgeCheck(0, '').passed).toBe(true);
    expect(judgeCheck(1, 'checking\ndone\n', 'done').passed).toBe(true);
    expect(judgeCheck(1, 'not done yet\n', 'done').passed).toBe(false);
    // The false pass of issue 9: `if [ -f wanted.txt ]; then echo done; fi` exits 0 either way.
    expect(judgeCheck(0, '', 'done').passed).toBe(false);
    // An exit-rule script that fails is not saved by a `done` some command printed.
    expect(judgeCheck(1, 'apt: done\ndone\n', 'exit').passed).toBe(false);
    // A done-rule script killed at its timeout proves nothing.
    expect(judgeCheck(null, 'done\n', 'done').passed).toBe(false);
    const v = judgeCheck(1, 'FAIL: status.txt is missing\nEXPECTED: ready\nACTUAL: \x1b[31mnothing\x1b[0m\n');
    expect(v).toMatchObject({passed: false, feedback: ['status.txt is missing'], expected: 'ready', actual: 'nothing'});
  });
  it('keeps only the last 40 lines', () => {
    const out = Array.from({length: 100}, (_, i) => `l${i}`).join('\n');
    const v = judgeCheck(1, out, 'exit');
    expect(v.lastOutput).toHaveLength(40);
    expect(v.lastOutput[39]).toBe('l99');
  });
});

describe('chmod', () => {
  it('understands octal and symbolic modes', () => {
    expect(applyChmod(0o644, '+x')).toBe(0o755);
    expect(applyChmod(0o644, '755')).toBe(0o755);
    expect(applyChmod(0o777, 'go-w')).toBe(0o755);
    expect(applyChmod(0o600, 'u+x,g=r')).toBe(0o740);
    expect(applyChmod(0o644, 'bogus')).toBeUndefined();
  });
});

describe('file edits', () => {
  it('replaces, prepends, appends and inserts at a marker', () => {
    expect(applyFileEdit('old\n', {mode: 'replace'}, 'new')).toBe('new\n');
    expect(applyFileEdit('b\n', {mode: 'prepend'}, 'a')).toBe('a\nb\n');
    expect(applyFileEdit('a', {mode: 'append'}, 'b')).toBe('a\nb\n');
    expect(applyFileEdit('x\n#TODO\ny\n', {mode: 'insert', marker: '#TODO'}, 'z')).toBe('x\nz\ny\n');
    expect(() => applyFileEdit('x', {mode: 'insert', marker: '#NOPE'}, 'z')).toThrow(/marker/);
  });
});

describe('dirs', () => {
  it('follows XDG variables and ignores relative ones', () => {
    const d = defaultDirs({HOME: '/home/u', XDG_STATE_HOME: '/s', XDG_DATA_HOME: 'rel'});
    expect(d).toEqual({state: '/s/katarun', data: '/home/u/.local/share/katarun', cache: '/home/u/.cache/katarun'});
  });
  it('never lets an id climb out of its folder', () => {
    expect(safeId('../x')).toBe('.._x');
    expect(safeId('..')).toBe('_..');
  });
});
