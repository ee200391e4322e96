// Picks the provider for a scenario's environment. The kind provider is loaded only when a
// scenario needs it, so bash scenarios never pay for it.
import { bashProvider } from './bash-provider.js';
export async function environmentProvider(environment) {
    if (environment.kind !== 'kind')
        return bashProvider;
    // A literal specifier, so the bundler takes kind.ts along: the TUI runs from dist/bundle/,
    // where a computed './kind.js' resolved to a file that does not exist and the intro of every
    // kind scenario said "kind support not built".
    return (await import('./kind.js')).kindProvider;
}
//# sourceMappingURL=index.js.map