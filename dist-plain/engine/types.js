// The engine's public contract: its state (read through the store) and its intents.
// The TUI and the headless runner depend on this file, not on the engine's insides.
export {};
//# sourceMappingURL=types.js.map