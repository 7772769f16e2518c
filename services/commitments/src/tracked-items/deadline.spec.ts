import { parseDeadline } from './deadline';

describe(parseDeadline.name, () => {
  it.each([
    ['2026-05-14', 'day', '2026-05-14'],
    ['2026-05', 'month', '2026-05-31'],
    ['2024-02', 'month', '2024-02-29'],
    ['2025-02', 'month', '2025-02-28'],
    ['2026', 'year', '2026-12-31'],
  ])('%s is due %s-wise on %s', (value, precision, dueDate) => {
    expect(parseDeadline(value)).toEqual({ precision, dueDate });
  });

  it('has no due date without a deadline and refuses malformed ones', () => {
    expect(parseDeadline(null)).toBeNull();
    expect(() => parseDeadline('May 2026')).toThrow('not a deadline');
  });
});
