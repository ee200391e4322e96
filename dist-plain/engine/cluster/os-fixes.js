// What to do about a missing or broken prerequisite, for the learner's operating system.
// Each fix is one line a person can act on; links go to the tools' own install pages.
// The words are the UI's (`t`, the learner's language); commands and links go in as
// parameters, so they read the same in every language.
export function hostOs(platform = process.platform, env = process.env) {
    if (platform === 'darwin')
        return 'macos';
    if (platform === 'win32')
        return 'windows';
    return env.WSL_DISTRO_NAME || env.WSL_INTEROP ? 'wsl' : 'linux';
}
const goArch = (arch = process.arch) => (arch === 'arm64' ? 'arm64' : 'amd64');
export function dockerMissingFix(os, t) {
    switch (os) {
        case 'macos': return t('fix.dockerMac', { url: 'https://docs.docker.com/desktop/setup/install/mac-install/', command: 'brew install colima docker && colima start --cpu 4 --memory 6' });
        case 'windows':
        case 'wsl': return t('fix.dockerWsl');
        default: return t('fix.dockerLinux', { url: 'https://docs.docker.com/engine/install/', command: 'sudo systemctl enable --now docker' });
    }
}
export function dockerDownFix(os, output, t) {
    if (/permission denied/i.test(output))
        return t('fix.dockerGroup', { command: 'sudo usermod -aG docker "$USER"' });
    switch (os) {
        case 'macos': return t('fix.dockerStartMac', { app: 'open -a Docker', command: 'colima start' });
        case 'windows':
        case 'wsl': return t('fix.dockerStartWsl');
        default: return t('fix.dockerStartLinux', { command: 'sudo systemctl start docker', check: 'docker info' });
    }
}
export function toolMissingFix(name, os, install, t) {
    const kind = `curl -Lo ./kind https://kind.sigs.k8s.io/dl/v0.31.0/kind-linux-${goArch()} && chmod +x ./kind && sudo mv ./kind /usr/local/bin/kind`;
    const kubectl = `curl -LO https://dl.k8s.io/release/v1.35.0/bin/linux/${goArch()}/kubectl && chmod +x kubectl && sudo mv kubectl /usr/local/bin/`;
    const known = {
        kind: { macos: 'brew install kind', linux: kind, wsl: kind, windows: 'winget install Kubernetes.kind' },
        kubectl: { macos: 'brew install kubectl', linux: kubectl, wsl: kubectl, windows: 'winget install Kubernetes.kubectl' },
        curl: {
            macos: t('fix.curlMac'),
            linux: t('fix.or', { first: 'sudo apt-get install curl', second: 'dnf install curl' }),
            wsl: 'sudo apt-get install curl',
            windows: 'winget install cURL.cURL',
        },
    };
    const own = known[name]?.[os];
    // The scenario's own install text repeats per-OS commands; with ours, its link is enough.
    const link = install ? /https?:\/\/\S+/.exec(install)?.[0] : undefined;
    if (own)
        return link ? t('fix.orSee', { fix: own, link }) : own;
    return install ?? t('fix.tool', { name });
}
export function memoryFix(os, needMiB, t) {
    const gb = Math.ceil(needMiB / 1024);
    if (os === 'linux')
        return t('fix.memLinux', { commands: 'docker ps; kind get clusters', gib: gb });
    return t('fix.memDocker', { gb: gb + 2, command: `colima start --memory ${gb + 2}` });
}
export function cpuFix(os, needCpus, t) {
    if (os === 'linux')
        return t('fix.cpuLinux', { n: needCpus });
    return t('fix.cpuDocker', { n: needCpus, command: `colima start --cpu ${needCpus}` });
}
export function portFix(port, os, t) {
    const who = os === 'macos' ? `lsof -nP -iTCP:${port} -sTCP:LISTEN` : `ss -ltnp 'sport = :${port}'`;
    return t('fix.port', { address: `127.0.0.1:${port}`, command: who, commands: 'kind get clusters; kind delete cluster --name NAME' });
}
//# sourceMappingURL=os-fixes.js.map