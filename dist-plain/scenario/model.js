// The scenario model: what a scenario folder means once it has been loaded.
// Everything here is plain, readonly data. Nothing in this file runs or reads anything;
// the loader builds it, the engine and the UI only read it.
export const hasErrors = (diagnostics) => diagnostics.some((d) => d.severity === 'error');
//# sourceMappingURL=model.js.map