// A step's time estimate, as the TUI's clock and the class board show it against the time spent.

/**
 * A step's time estimate in whole minutes: its own when the scenario gives one, else an even
 * share of the scenario's (Katacoda and Killercoda estimate only the whole scenario), never
 * under a minute. Undefined when neither is known.
 */
export function stepEstimateMinutes(scenario: {readonly timeMinutes?: number; readonly steps: ReadonlyArray<{readonly timeMinutes?: number}>}, index: number): number | undefined {
  const own = scenario.steps[index]?.timeMinutes;
  const minutes = own ?? (scenario.timeMinutes !== undefined && scenario.steps.length > 0 ? scenario.timeMinutes / scenario.steps.length : undefined);
  return minutes === undefined || !(minutes > 0) ? undefined : Math.max(1, Math.round(minutes));
}
