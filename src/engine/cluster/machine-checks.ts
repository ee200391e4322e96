// Facts about this machine that decide whether a kind cluster with Istio fits: free
// memory, CPUs, and whether the host ports the cluster maps are free.
// On macOS and Windows, containers run in Docker's VM, so its memory and CPUs count.

import {readFile} from 'node:fs/promises';
import {availableParallelism, freemem} from 'node:os';
import {createServer} from 'node:net';
import {decimal, message, type Decimal} from '../../render/i18n.js';
import type {PreflightCheck} from '../environment/types.js';
import {cpuFix, memoryFix, portFix, type HostOs} from './os-fixes.js';

/** MiB the kernel says it could give to new programs (MemAvailable), or os.freemem(). */
export async function availableMemoryMiB(meminfo = '/proc/meminfo'): Promise<number> {
  try {
    const m = /^MemAvailable:\s+(\d+)\s+kB/m.exec(await readFile(meminfo, 'utf8'));
    if (m) return Math.floor(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.floor(freemem() / 1024 / 1024);
}

export interface DockerResources {
  readonly memTotalMiB?: number;
  readonly cpus?: number;
}

/** MiB as GiB with one decimal; the edges write it in the learner's notation (3.1 / 3,1). */
export const gib = (mib: number): Decimal => decimal(mib / 1024, 1);

export async function memoryCheck(os: HostOs, needMiB: number | undefined, docker: DockerResources): Promise<PreflightCheck> {
  // Docker Desktop's VM: the limit is its total; on Linux it is what is free right now.
  const useDocker = os !== 'linux' && docker.memTotalMiB !== undefined;
  const have = useDocker ? docker.memTotalMiB! : await availableMemoryMiB();
  const what = message(useDocker ? 'preflight.memDocker' : 'preflight.memFree', {gib: gib(have)});
  if (!needMiB) return {id: 'memory', ok: true, severity: 'warning', detail: what};
  const ok = have >= needMiB;
  return {id: 'memory', ok, severity: 'error', detail: message('preflight.memNeeds', {have: what, gib: gib(needMiB)}), ...(ok ? {} : {fix: memoryFix(os, needMiB)})};
}

export function cpuCheck(os: HostOs, needCpus: number | undefined, docker: DockerResources): PreflightCheck {
  const have = os !== 'linux' && docker.cpus ? docker.cpus : availableParallelism();
  if (!needCpus) return {id: 'cpus', ok: true, severity: 'warning', detail: message('preflight.cpus', {n: have})};
  const ok = have >= needCpus;
  return {id: 'cpus', ok, severity: 'error', detail: message('preflight.cpusNeeds', {n: have, need: needCpus}), ...(ok ? {} : {fix: cpuFix(os, needCpus)})};
}

/** Try to listen on 127.0.0.1:port; true when it was free. */
export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({port, host, exclusive: true}, () => server.close(() => resolve(true)));
  });
}

export async function portCheck(port: number, os: HostOs, ownedByCluster: string | undefined): Promise<PreflightCheck> {
  const id = `port:${port}`;
  const address = `127.0.0.1:${port}`;
  if (ownedByCluster) return {id, ok: true, severity: 'error', detail: message('preflight.portOwned', {address, name: ownedByCluster})};
  if (await portFree(port)) return {id, ok: true, severity: 'error', detail: message('preflight.portFree', {address})};
  return {id, ok: false, severity: 'error', detail: message('preflight.portBusy', {address}), fix: portFix(port, os)};
}
