/**
 * One figure against its product budget, in the line format every bench prints and
 * `pnpm bench` gathers into its summary:
 * `[budget] <figure>: <value> (budget <budget>) ok|NOT MET; baseline <value>`.
 */
export function budgetLine(figure: {
  figure: string;
  value: string;
  budget: string;
  met: boolean;
  /** The same run's reference figure (what the budget's figure is compared with). */
  baseline: string;
}): string {
  const verdict = figure.met ? 'ok' : 'NOT MET';
  return `[budget] ${figure.figure}: ${figure.value} (budget ${figure.budget}) ${verdict}; baseline ${figure.baseline}`;
}
