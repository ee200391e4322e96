// What a scenario needs from the machine, checked (preflight / doctor) and provided (prepare):
// a local shell for bash scenarios, a kind cluster behind a guarded KUBECONFIG for kind ones.
export {};
//# sourceMappingURL=types.js.map