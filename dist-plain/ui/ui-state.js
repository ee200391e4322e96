// The UI's own state (not the engine's): which overlay is open, the transient message line,
// the armed second Ctrl-C, the shell drop-in, the picker cursor, the open quiz prompt. A pure reducer.
export const initialUiState = { overlay: 'none', ctrlCArmed: false, dropped: false, starting: false, pickerIndex: 0 };
export function uiReducer(state, event) {
    switch (event.type) {
        case 'overlay':
            return state.overlay === event.overlay ? state : { ...state, overlay: event.overlay };
        case 'message':
            return state.message === event.message ? state : { ...state, message: event.message };
        case 'arm-ctrl-c':
            return state.ctrlCArmed === event.armed ? state : { ...state, ctrlCArmed: event.armed };
        case 'dropped':
            return { ...state, dropped: event.dropped };
        case 'starting':
            return { ...state, starting: event.starting };
        case 'quiz':
            // Closing keeps the draft (what was chosen or typed), so Enter reopens the question as it was left.
            if (event.quiz)
                return { ...state, overlay: 'quiz', quiz: event.quiz };
            return { ...state, overlay: state.overlay === 'quiz' ? 'none' : state.overlay };
        case 'ask-cluster':
            return { ...state, overlay: 'confirm-cluster', cluster: event.cluster };
        case 'picker-move': {
            if (event.count === 0)
                return state;
            const pickerIndex = (state.pickerIndex + event.by + event.count) % event.count;
            return { ...state, pickerIndex };
        }
    }
}
//# sourceMappingURL=ui-state.js.map