/**
 * A counter of the work the detectors do: characters scanned by a pattern or a hand-written
 * loop, keyword hits, lines visited. The unit tests read it to show that the work grows
 * linearly with the input on inputs built to make scanners go quadratic (timings are never
 * asserted); it costs one integer addition per step.
 */
export const work = { steps: 0 };

export function addWork(n: number): void {
  work.steps += n;
}
