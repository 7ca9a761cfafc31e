import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, isFiltered, toInboxFilter } from './inbox-filter';

describe('inbox filter controls → list input', () => {
  it('sends nothing for empty controls', () => {
    expect(toInboxFilter(EMPTY_FILTER)).toEqual({});
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
  });

  it('maps status, escalation, least rating and language', () => {
    expect(
      toInboxFilter({
        ...EMPTY_FILTER,
        status: 'resolved',
        escalated: 'no',
        minRating: '4',
        language: ' sv ',
      }),
    ).toEqual({ status: 'resolved', escalated: false, rating: { min: 4 }, language: 'sv' });
    expect(toInboxFilter({ ...EMPTY_FILTER, escalated: 'yes' })).toEqual({ escalated: true });
  });

  it('ignores a rating out of range and a one-letter language still being typed', () => {
    expect(toInboxFilter({ ...EMPTY_FILTER, minRating: '9', language: 's' })).toEqual({});
  });

  it('covers whole local days from the first to the last chosen', () => {
    const filter = toInboxFilter({ ...EMPTY_FILTER, from: '2026-03-01', to: '2026-03-02' });
    expect(filter.from).toEqual(new Date(2026, 2, 1, 0, 0, 0, 0));
    expect(filter.to).toEqual(new Date(2026, 2, 2, 23, 59, 59, 999));
    expect(toInboxFilter({ ...EMPTY_FILTER, from: 'yesterday' })).toEqual({});
  });
});
