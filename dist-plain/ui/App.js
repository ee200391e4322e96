import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
// The root: <Static> (the transcript, mounted once with a stable key) above the live region.
// Everything else lives in hooks (use-app.ts) and the engine.
import { Static, Text } from 'ink';
import { EngineContext } from './use-engine.js';
import { LiveRegion } from './LiveRegion.js';
import { useApp } from './use-app.js';
export function App(props) {
    const app = useApp(props);
    return (_jsxs(EngineContext.Provider, { value: app.engine, children: [_jsx(Static, { items: app.transcript, children: (item) => _jsx(Text, { children: item.text }, item.key) }, "transcript"), app.showLive ? _jsx(LiveRegion, { screen: app.screen, ui: app.ui, size: app.size, session: app.session, picker: props.picker, t: app.t }) : null] }));
}
//# sourceMappingURL=App.js.map