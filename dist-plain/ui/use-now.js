// A clock for elapsed times and spinners. Each ticking component re-renders on its own, so
// the rest of the screen does not.
import { useEffect, useState } from 'react';
export function useNow(intervalMs, enabled = true) {
    const [now, setNow] = useState(() => Date.now());
    useEffect(() => {
        if (!enabled)
            return;
        const timer = setInterval(() => setNow(Date.now()), intervalMs);
        return () => clearInterval(timer);
    }, [intervalMs, enabled]);
    return now;
}
//# sourceMappingURL=use-now.js.map