import {describe, expect, it} from 'vitest';
import {mapTargetIntoWorkspace} from '../../../src/scenario/assets/workspace-target.js';

const WS = '/ws/demo';

describe('mapTargetIntoWorkspace', () => {
  it.each([
    ['~', `${WS}/root`],
    ['~/', `${WS}/root`],
    ['~/app', `${WS}/root/app`],
    ['/root', `${WS}/root`],
    ['/root/app/', `${WS}/root/app`],
    ['/home/scrapbook/tutorial', `${WS}/root/tutorial`],
    ['/usr/local/bin', `${WS}/usr/local/bin`],
    ['/usr/local/bin/', `${WS}/usr/local/bin`],
    ['/usr/bin/tool', `${WS}/usr/local/bin/tool`],
    ['/opt/apps', `${WS}/opt/apps`],
    ['/my/location', `${WS}/my/location`],
    ['app/conf', `${WS}/root/app/conf`],
    ['./app/../conf', `${WS}/root/conf`],
    ['', `${WS}/root`],
  ])('%j → %s', (target, expected) => {
    expect(mapTargetIntoWorkspace(target, WS)).toEqual({ok: true, path: expected});
  });

  it.each(['../../etc', '~/../..', '/root/../../etc', 'a/../../../b', '/etc/../..'])('refuses %j', (target) => {
    const r = mapTargetIntoWorkspace(target, WS);
    expect(r.ok).toBe(false);
  });

  it('treats /rootfs as an ordinary folder, not as /root', () => {
    expect(mapTargetIntoWorkspace('/rootfs/x', WS)).toEqual({ok: true, path: `${WS}/rootfs/x`});
  });
});
