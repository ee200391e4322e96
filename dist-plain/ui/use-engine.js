// The only bridge from the engine's store into React. Selectors must return values that are
// stable while the state they read is unchanged (a slice of the state, or a primitive), so
// React re-renders a component only when its part changed.
import { createContext, useContext, useSyncExternalStore } from 'react';
export const EngineContext = createContext(undefined);
export function useEngine() {
    const engine = useContext(EngineContext);
    if (!engine)
        throw new Error('useEngine outside of an EngineContext');
    return engine;
}
export function useEngineState(select) {
    const engine = useEngine();
    return useSyncExternalStore(engine.store.subscribe, () => select(engine.store.getSnapshot()));
}
const noop = () => () => undefined;
/** Like useEngineState, for an engine that may not exist yet (before the intro starts it). */
export function useSelect(engine, select) {
    return useSyncExternalStore(engine ? engine.store.subscribe : noop, () => (engine ? select(engine.store.getSnapshot()) : undefined));
}
//# sourceMappingURL=use-engine.js.map