// A framework-free store: the one way the TUI (through useSyncExternalStore) and the
// headless reporters see engine state. State is replaced, never mutated.
export function createStore(initial) {
    let state = initial;
    const listeners = new Set();
    return {
        getSnapshot: () => state,
        subscribe(listener) {
            listeners.add(listener);
            return () => {
                listeners.delete(listener);
            };
        },
        update(update) {
            const next = update(state);
            if (next === state)
                return;
            state = next;
            for (const listener of [...listeners])
                listener();
        },
    };
}
//# sourceMappingURL=store.js.map