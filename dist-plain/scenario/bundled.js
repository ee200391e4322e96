// Where the scenarios shipped with katarun live: `<package>/scenarios`, found from this
// module's own URL so it works from src/ (tests) and dist/ (the installed CLI) alike.
import { fileURLToPath } from 'node:url';
export function bundledScenariosDir() {
    // src/scenario/bundled.ts and dist/scenario/bundled.js are both two levels below the package root.
    return fileURLToPath(new URL('../../scenarios', import.meta.url));
}
//# sourceMappingURL=bundled.js.map