// What the CLI hands the UI: the scenario to open (or the list to pick from) and the few
// side effects the UI may ask for. The UI itself never loads files or spawns processes.
export {};
//# sourceMappingURL=session.js.map