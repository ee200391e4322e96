import {describe, expect, it} from 'vitest';
import {runsUntilStopped} from '../../src/headless/endless.js';

describe('runsUntilStopped', () => {
  it.each([
    'watch -n 1 kubectl get pods',
    'watch date',
    'top',
    'tail -f /var/log/syslog',
    'tail -F app.log | grep ERROR',
    'journalctl -fu nginx',
    'kubectl get pods -w',
    'kubectl apply -f app.yaml && kubectl get pods --watch',
    'kubectl logs -f deploy/web',
    'docker logs --follow web',
    'ping example.com',
    'sudo watch ls',
    'echo start\nwatch ls',
  ])('never ends by its form: %s', (cmd) => {
    expect(runsUntilStopped(cmd)).toBe(true);
  });

  it.each([
    'ls -l',
    'tail -n 20 app.log',
    'ping -c 3 example.com',
    'kubectl get pods',
    'kubectl wait --for=condition=ready pod -l app=web',
    'watch -n 1 date &',
    'kubectl get pods -w; echo done',
    'tail -f app.log\necho after',
    'echo "watch out"',
    'docker logs web',
  ])('ends by itself: %s', (cmd) => {
    expect(runsUntilStopped(cmd)).toBe(false);
  });
});
