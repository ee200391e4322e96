import { humanReport } from './human.js';
import { jsonReport } from './json.js';
import { junitReport } from './junit.js';
import { tapReport } from './tap.js';
export const REPORTERS = ['human', 'json', 'junit', 'tap'];
/** `t` words the human report in the UI's language; the machine formats stay English. */
export const formatReport = {
    human: humanReport,
    json: jsonReport,
    junit: junitReport,
    tap: tapReport,
};
export { humanSetupLines, humanStepLines, humanSummary } from './human.js';
//# sourceMappingURL=index.js.map