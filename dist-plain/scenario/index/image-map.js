// backend.imageid → what katarun can provide on this machine. Katacoda/Killercoda images
// were remote VMs; here a plain image is the local shell and a Kubernetes image is kind.
const PLAIN = /^(ubuntu|bash|git|nodejs|node|python|debian|alpine|centos|fedora|golang|go|java|openjdk|ruby|php|dotnet|rust|perl|scala|elixir|coder|shell)([-:._\d].*)?$/i;
/** The command a docker-<language> image's toolchain is checked by. */
const LANG_TOOL = { golang: 'go', go: 'go', node: 'node', nodejs: 'node', python: 'python3', java: 'java', ruby: 'ruby', php: 'php', dotnet: 'dotnet' };
export function mapImageId(imageid) {
    const id = imageid.trim();
    const lower = id.toLowerCase();
    if (PLAIN.test(id))
        return { kind: 'bash' };
    if (/^docker([-:].*)?$/.test(lower)) {
        if (lower === 'docker')
            return { kind: 'bash', tools: ['docker'] };
        // Katacoda's docker-node, docker-golang, … were Docker plus a language toolchain.
        const lang = /^docker-(golang|go|node|nodejs|python|java|ruby|php|dotnet)$/.exec(lower)?.[1];
        if (lang) {
            const tool = LANG_TOOL[lang];
            return { kind: 'bash', tools: ['docker', tool], note: `'${id}' becomes the local shell; it needs your own Docker and ${tool} (the image used to provide them)` };
        }
        return { kind: 'bash', tools: ['docker'], note: `'${id}' becomes the local shell with your own Docker; multi-host Docker setups are not recreated` };
    }
    if (lower === 'kind')
        return { kind: 'kind' };
    // Katacoda's plain 'kubernetes' (and 'kubernetes:<tag>') image was a ready Kubernetes node.
    if (/^kubernetes(:.*)?$/.test(lower))
        return { kind: 'kind', note: `'${id}' becomes a local kind cluster; its Kubernetes version is kind's, not the image's` };
    if (/^kubernetes-kubeadm-1node(-[\w]+)?$/.test(lower))
        return { kind: 'kind' };
    if (/^kubernetes-k3s/.test(lower))
        return { kind: 'kind', note: `'${id}' becomes a local kind cluster; k3s specifics (Traefik, local-path storage) are not provided` };
    if (/^kubernetes-/.test(lower)) {
        const multi = /2node|3node|nodes|cluster-running|multi/.test(lower);
        return { kind: 'kind', note: `'${id}' becomes a local kind cluster${multi ? ' with one node' : ''}; its Kubernetes version is kind's, not the image's` };
    }
    if (/^minikube/.test(lower))
        return { kind: 'kind', note: `'${id}' becomes a local kind cluster; minikube addons and the minikube command are not provided` };
    if (/^k3s/.test(lower))
        return { kind: 'kind', note: `'${id}' becomes a local kind cluster; k3s specifics (Traefik, local-path storage) are not provided` };
    return { kind: 'bash' };
}
/** True when the image is one katarun recognises (plain or Kubernetes). */
export const isKnownImage = (imageid) => {
    const lower = imageid.trim().toLowerCase();
    return PLAIN.test(lower) || /^(docker([-:].*)?|kind|kubernetes([-:].*)?|minikube.*|k3s.*)$/.test(lower);
};
//# sourceMappingURL=image-map.js.map