// The engine's only door to processes: everything it starts goes through src/shell. Kept
// as one small interface so the engine's own logic can be read (and reasoned about)
// without the shell layer's details.
export {};
//# sourceMappingURL=shell-port.js.map