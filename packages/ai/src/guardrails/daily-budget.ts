/** What a visitor may still spend today, decided from what they already used. */
export interface BudgetCheck {
  allowed: boolean;
  remaining: number;
}

/**
 * Pure: the caller counts today's tokens (see `visitorTokensToday`) and passes the limit.
 * A visitor at or over the limit gets no more model answers today; one message may still
 * cross the line, since its size is only known afterwards.
 */
export function checkDailyBudget(usedTokens: number, dailyLimit: number): BudgetCheck {
  const remaining = Math.max(0, dailyLimit - usedTokens);
  return { allowed: remaining > 0, remaining };
}
