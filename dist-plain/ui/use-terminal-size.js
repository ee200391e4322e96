// Our own resize hook: Ink 6.8 re-lays out on resize but does not re-render components, so
// anything computed from the size (markdown width, the live-region budget) would go stale.
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { realRows } from './ink-stdout.js';
export function readSize(stdout) {
    return { columns: stdout?.columns || 80, rows: realRows(stdout) || 24 };
}
export function useTerminalSize() {
    const { stdout } = useStdout();
    const [size, setSize] = useState(() => readSize(stdout));
    useEffect(() => {
        const onResize = () => {
            const next = readSize(stdout);
            setSize((prev) => (prev.columns === next.columns && prev.rows === next.rows ? prev : next));
        };
        stdout.on('resize', onResize);
        onResize();
        return () => {
            stdout.off('resize', onResize);
        };
    }, [stdout]);
    return size;
}
//# sourceMappingURL=use-terminal-size.js.map