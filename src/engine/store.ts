// A framework-free store: the one way the TUI (through useSyncExternalStore) and the
// headless reporters see engine state. State is replaced, never mutated.

export interface Store<S> {
  getSnapshot(): S;
  subscribe(listener: () => void): () => void;
}

export interface WritableStore<S> extends Store<S> {
  /** Replace the state with `update(state)`; listeners run only when the reference changed. */
  update(update: (state: S) => S): void;
}

export function createStore<S>(initial: S): WritableStore<S> {
  let state = initial;
  const listeners = new Set<() => void>();
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
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
  };
}
