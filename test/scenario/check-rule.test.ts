// Which rule a check script was written for, on the shapes the public corpus shows.
import {describe, expect, it} from 'vitest';
import {checkRule} from '../../src/scenario/check-rule.js';

describe('checkRule', () => {
  it.each([
    ['[ -d /root/tutorial/.git ] && echo "done"'],
    ['docker ps -a | grep jpetazzo/clock > /dev/null && echo "done"'],
    ['if [ -f wanted.txt ]; then echo "done"; fi'],
    ['if [ "$POD_STATUS" == "Running" ]; then\n    echo done\nelse\n    exit 1\nfi'],
    ["set -e\n{\n  docker ps | grep web\n} >> /tmp/log 2>&1\necho 'done' # let the validator know"],
    ['printf "done\\n"'],
    ["[ -f x ] && echo -n done"],
    ["if (fs.existsSync('x')) console.log('done')"],
  ])('done rule: %s', (text) => {
    expect(checkRule(text)).toBe('done');
  });

  it.each([
    ['test -f made.txt'],
    ['kubectl get pods | grep Running'],
    ['for f in a b; do test -f $f; done'],
    ['while true; do sleep 1; done'],
    ['# the script has to output "done"\n# echo done\ntest -f x'],
    ['echo "done with the setup?"; test -f x'],
    [''],
  ])('exit rule: %s', (text) => {
    expect(checkRule(text)).toBe('exit');
  });

  it('is exit for a script that cannot be read', () => {
    expect(checkRule(undefined)).toBe('exit');
  });
});
