// Options of createEngine, and the extra controls the headless runner uses on top of the
// Engine interface the TUI sees.
export {};
//# sourceMappingURL=engine-options.js.map