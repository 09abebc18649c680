import { describe, expect, it } from 'vitest';
import { addWorkingDays, emptyCalendar, isWorkingDay, monthsBetween } from './calendar.js';

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2025-06-06', 2, emptyCalendar)).toBe('2025-06-10'); // Fri + 2 → Tue
  });
  it('skips holidays and counts make-up working days', () => {
    const cal = { holidays: new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']), workingWeekends: new Set(['2025-09-28', '2025-10-11']) };
    expect(isWorkingDay('2025-09-28', cal)).toBe(true);
    expect(addWorkingDays('2025-09-27', 1, cal)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-30', 2, cal)).toBe('2025-10-10');
    expect(addWorkingDays('2025-09-30', 3, cal)).toBe('2025-10-11');
  });
});

describe('monthsBetween', () => {
  it('counts whole months', () => {
    expect(monthsBetween('2025-01-15', '2025-07-14')).toBe(5);
    expect(monthsBetween('2025-01-15', '2025-07-15')).toBe(6);
    expect(monthsBetween('2025-08-31', '2026-02-28')).toBe(6);
    expect(monthsBetween('2025-08-31', '2026-02-27')).toBe(5);
  });
});
