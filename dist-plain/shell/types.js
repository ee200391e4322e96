// The contract of the shell layer: persistent sessions (PTY or pipe) and one-shot processes.
// Every process katarun starts is started through this layer, so that every one of them
// is in a process group we own and dies with katarun.
export {};
//# sourceMappingURL=types.js.map