// What to do about a missing or broken prerequisite, for the learner's operating system.
// Each fix is one line a person can act on; links go to the tools' own install pages.

export type HostOs = 'macos' | 'linux' | 'wsl' | 'windows';

export function hostOs(platform: NodeJS.Platform = process.platform, env: Readonly<Record<string, string | undefined>> = process.env): HostOs {
  if (platform === 'darwin') return 'macos';
  if (platform === 'win32') return 'windows';
  return env.WSL_DISTRO_NAME || env.WSL_INTEROP ? 'wsl' : 'linux';
}

const goArch = (arch: string = process.arch): string => (arch === 'arm64' ? 'arm64' : 'amd64');

export function dockerMissingFix(os: HostOs): string {
  switch (os) {
    case 'macos': return 'install Docker Desktop (https://docs.docker.com/desktop/setup/install/mac-install/) or colima (brew install colima docker && colima start --cpu 4 --memory 6)';
    case 'windows':
    case 'wsl': return 'install Docker Desktop and turn on WSL integration for this distro (Settings → Resources → WSL integration)';
    default: return 'install Docker Engine (https://docs.docker.com/engine/install/), then: sudo systemctl enable --now docker';
  }
}

export function dockerDownFix(os: HostOs, output: string): string {
  if (/permission denied/i.test(output)) return 'your user may not talk to the Docker daemon: sudo usermod -aG docker "$USER", then log out and back in';
  switch (os) {
    case 'macos': return 'start Docker Desktop (open -a Docker) or colima (colima start), wait until it says it is running, then retry';
    case 'windows':
    case 'wsl': return 'start Docker Desktop and check that WSL integration is on for this distro';
    default: return 'start the daemon: sudo systemctl start docker (check with: docker info)';
  }
}

export function toolMissingFix(name: string, os: HostOs, install?: string): string {
  const known: Record<string, Partial<Record<HostOs, string>>> = {
    kind: {
      macos: 'brew install kind',
      linux: `curl -Lo ./kind https://kind.sigs.k8s.io/dl/v0.31.0/kind-linux-${goArch()} && chmod +x ./kind && sudo mv ./kind /usr/local/bin/kind`,
      wsl: `curl -Lo ./kind https://kind.sigs.k8s.io/dl/v0.31.0/kind-linux-${goArch()} && chmod +x ./kind && sudo mv ./kind /usr/local/bin/kind`,
      windows: 'winget install Kubernetes.kind',
    },
    kubectl: {
      macos: 'brew install kubectl',
      linux: `curl -LO https://dl.k8s.io/release/v1.35.0/bin/linux/${goArch()}/kubectl && chmod +x kubectl && sudo mv kubectl /usr/local/bin/`,
      wsl: `curl -LO https://dl.k8s.io/release/v1.35.0/bin/linux/${goArch()}/kubectl && chmod +x kubectl && sudo mv kubectl /usr/local/bin/`,
      windows: 'winget install Kubernetes.kubectl',
    },
    curl: {macos: 'curl ships with macOS; check your PATH', linux: 'sudo apt-get install curl (or dnf install curl)', wsl: 'sudo apt-get install curl', windows: 'winget install cURL.cURL'},
  };
  const own = known[name]?.[os];
  // The scenario's own install text repeats per-OS commands; with ours, its link is enough.
  const link = install ? /https?:\/\/\S+/.exec(install)?.[0] : undefined;
  if (own) return link ? `${own} — or see ${link}` : own;
  return own ?? install ?? `install ${name} and put it on PATH`;
}

export function memoryFix(os: HostOs, needMiB: number): string {
  const gb = Math.ceil(needMiB / 1024);
  if (os === 'linux') return `free memory: close other programs or containers (docker ps; kind get clusters) until about ${gb} GiB are available`;
  return `give Docker more memory: Docker Desktop → Settings → Resources → Memory ≥ ${gb + 2} GB (colima: colima start --memory ${gb + 2})`;
}

export function cpuFix(os: HostOs, needCpus: number): string {
  if (os === 'linux') return `this machine has fewer than ${needCpus} CPUs; use a bigger machine or VM`;
  return `give Docker more CPUs: Docker Desktop → Settings → Resources → CPUs ≥ ${needCpus} (colima: colima start --cpu ${needCpus})`;
}

export function portFix(port: number, os: HostOs): string {
  const who = os === 'macos' ? `lsof -nP -iTCP:${port} -sTCP:LISTEN` : `ss -ltnp 'sport = :${port}'`;
  return `something else listens on 127.0.0.1:${port}; find it with: ${who} — stop it, or delete an old cluster that maps the port (kind get clusters; kind delete cluster --name NAME)`;
}
