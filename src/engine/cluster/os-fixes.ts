// What to do about a missing or broken prerequisite, for the learner's operating system.
// Each fix is one line a person can act on; links go to the tools' own install pages.
// Each is a message the edges translate; commands and links go in as parameters, so they
// read the same in every language (a bare command is plain text).

import {message, type Text} from '../../render/i18n.js';

export type HostOs = 'macos' | 'linux' | 'wsl' | 'windows';

export function hostOs(platform: NodeJS.Platform = process.platform, env: Readonly<Record<string, string | undefined>> = process.env): HostOs {
  if (platform === 'darwin') return 'macos';
  if (platform === 'win32') return 'windows';
  return env.WSL_DISTRO_NAME || env.WSL_INTEROP ? 'wsl' : 'linux';
}

const goArch = (arch: string = process.arch): string => (arch === 'arm64' ? 'arm64' : 'amd64');

export function dockerMissingFix(os: HostOs): Text {
  switch (os) {
    case 'macos': return message('fix.dockerMac', {url: 'https://docs.docker.com/desktop/setup/install/mac-install/', command: 'brew install colima docker && colima start --cpu 4 --memory 6'});
    case 'windows':
    case 'wsl': return message('fix.dockerWsl');
    default: return message('fix.dockerLinux', {url: 'https://docs.docker.com/engine/install/', command: 'sudo systemctl enable --now docker'});
  }
}

export function dockerDownFix(os: HostOs, output: string): Text {
  if (/permission denied/i.test(output)) return message('fix.dockerGroup', {command: 'sudo usermod -aG docker "$USER"'});
  switch (os) {
    case 'macos': return message('fix.dockerStartMac', {app: 'open -a Docker', command: 'colima start'});
    case 'windows':
    case 'wsl': return message('fix.dockerStartWsl');
    default: return message('fix.dockerStartLinux', {command: 'sudo systemctl start docker', check: 'docker info'});
  }
}

export function toolMissingFix(name: string, os: HostOs, install: string | undefined): Text {
  const kind = `curl -Lo ./kind https://kind.sigs.k8s.io/dl/v0.31.0/kind-linux-${goArch()} && chmod +x ./kind && sudo mv ./kind /usr/local/bin/kind`;
  const kubectl = `curl -LO https://dl.k8s.io/release/v1.35.0/bin/linux/${goArch()}/kubectl && chmod +x kubectl && sudo mv kubectl /usr/local/bin/`;
  const known: Record<string, Partial<Record<HostOs, Text>>> = {
    kind: {macos: 'brew install kind', linux: kind, wsl: kind, windows: 'winget install Kubernetes.kind'},
    kubectl: {macos: 'brew install kubectl', linux: kubectl, wsl: kubectl, windows: 'winget install Kubernetes.kubectl'},
    curl: {
      macos: message('fix.curlMac'),
      linux: message('fix.or', {first: 'sudo apt-get install curl', second: 'dnf install curl'}),
      wsl: 'sudo apt-get install curl',
      windows: 'winget install cURL.cURL',
    },
  };
  const own = known[name]?.[os];
  // The scenario's own install text repeats per-OS commands; with ours, its link is enough.
  const link = install ? /https?:\/\/\S+/.exec(install)?.[0] : undefined;
  if (own) return link ? message('fix.orSee', {fix: own, link}) : own;
  return install ?? message('fix.tool', {name});
}

export function memoryFix(os: HostOs, needMiB: number): Text {
  const gb = Math.ceil(needMiB / 1024);
  if (os === 'linux') return message('fix.memLinux', {commands: 'docker ps; kind get clusters', gib: gb});
  return message('fix.memDocker', {gb: gb + 2, command: `colima start --memory ${gb + 2}`});
}

export function cpuFix(os: HostOs, needCpus: number): Text {
  if (os === 'linux') return message('fix.cpuLinux', {n: needCpus});
  return message('fix.cpuDocker', {n: needCpus, command: `colima start --cpu ${needCpus}`});
}

export function portFix(port: number, os: HostOs): Text {
  const who = os === 'macos' ? `lsof -nP -iTCP:${port} -sTCP:LISTEN` : `ss -ltnp 'sport = :${port}'`;
  return message('fix.port', {address: `127.0.0.1:${port}`, command: who, commands: 'kind get clusters; kind delete cluster --name NAME'});
}
