// The root: <Static> (the transcript, mounted once with a stable key) above the live region.
// Everything else lives in hooks (use-app.ts) and the engine.

import {Static, Text} from 'ink';
import {EngineContext} from './use-engine.js';
import {LiveRegion} from './LiveRegion.js';
import type {AppProps} from './session.js';
import {useApp} from './use-app.js';

export function App(props: AppProps) {
  const app = useApp(props);
  return (
    <EngineContext.Provider value={app.engine}>
      <Static key="transcript" items={app.transcript as never[]}>
        {(item: {key: string; text: string}) => <Text key={item.key}>{item.text}</Text>}
      </Static>
      {app.showLive ? <LiveRegion screen={app.screen} ui={app.ui} size={app.size} session={app.session} picker={props.picker} t={app.t} /> : null}
    </EngineContext.Provider>
  );
}
