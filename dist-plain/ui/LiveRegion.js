import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
// Chooses what the live (dynamic) region shows: an overlay when one is open, else the
// current screen. Everything here is budgeted to fewer rows than the terminal has.
import { Box, Text } from 'ink';
import { sanitizeText } from '../render/sanitize.js';
import { Intro } from './Intro.js';
import { KeyHints, MessageLine } from './KeyHints.js';
import { ConfirmDialog, HelpOverlay } from './Overlays.js';
import { Picker } from './Picker.js';
import { QuizPrompt } from './QuizPrompt.js';
import { StepScreen } from './StepScreen.js';
import { useEngineState } from './use-engine.js';
function SetupView({ rows, t }) {
    const setup = useEngineState((s) => s.setup);
    const lines = setup.lines.slice(-Math.max(0, rows - 1 - 2));
    return (_jsxs(Box, { flexDirection: "column", children: [_jsx(Text, { color: setup.status === 'failed' ? 'red' : 'yellow', wrap: "truncate-end", children: setup.status === 'failed' ? `✘ ${t('setup.failed')}` : `… ${t('setup.running')}` }), lines.map((line, i) => (_jsx(Text, { dimColor: true, wrap: "truncate-end", children: sanitizeText(line) || ' ' }, i))), _jsx(KeyHints, { text: t('keys.setup') })] }));
}
/** One blank row separates the live region from the text above it; the screens get the rest. */
export function LiveRegion(props) {
    const size = { columns: props.size.columns, rows: props.size.rows - 1 };
    return (_jsx(Box, { flexDirection: "column", marginTop: 1, children: _jsx(Screen, { ...props, size: size }) }));
}
function Screen({ screen, ui, size, session, picker, t }) {
    if (ui.overlay === 'help')
        return _jsx(HelpOverlay, { rows: size.rows, t: t });
    if (ui.overlay === 'quiz')
        return ui.quiz && screen === 'step' ? _jsx(QuizPrompt, { prompt: ui.quiz, size: size, message: ui.message, t: t }) : null;
    if (ui.overlay !== 'none')
        return _jsx(ConfirmDialog, { overlay: ui.overlay, cluster: ui.cluster ?? session?.clusterToCreate, t: t });
    switch (screen) {
        case 'picker':
            return _jsx(Picker, { entries: picker?.entries ?? [], index: ui.pickerIndex, rows: size.rows, opening: ui.starting, message: ui.message, t: t });
        case 'intro':
            return session ? _jsx(Intro, { session: session, rows: size.rows, starting: ui.starting, message: ui.message, t: t }) : null;
        case 'setup':
            return _jsx(SetupView, { rows: size.rows, t: t });
        case 'step':
            return _jsx(StepScreen, { size: size, message: ui.message, target: session?.target, t: t });
        case 'finish':
            return (_jsxs(Box, { flexDirection: "column", children: [_jsx(MessageLine, { message: ui.message }), _jsx(KeyHints, { text: t('keys.finish') })] }));
    }
}
//# sourceMappingURL=LiveRegion.js.map