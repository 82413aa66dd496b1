import { describe, expect, it } from 'vitest';
import { BodyBudget } from './body-budget';

describe('BodyBudget', () => {
  it('refuses what does not fit next to bodies already held, and takes it once they are given back', () => {
    const budget = new BodyBudget(100);
    expect(budget.take(60)).toBe(true);
    expect(budget.take(50)).toBe(false);
    expect(budget.take(40)).toBe(true);
    budget.give(60);
    expect(budget.take(50)).toBe(true);
    expect(budget.inUse).toBe(90);
  });

  it('lets one body through alone even when it is larger than the budget', () => {
    const budget = new BodyBudget(100);
    expect(budget.take(150)).toBe(true);
    expect(budget.take(1)).toBe(false);
    budget.give(150);
    expect(budget.inUse).toBe(0);
  });
});
