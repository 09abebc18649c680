/**
 * Calendar arithmetic on `YYYY-MM-DD` dates (China Standard Time dates, no time of day). Working days
 * skip weekends and public holidays, and count make-up working days (调休) on weekends. Pure.
 */
export interface WorkCalendar {
  /** Public holidays that fall on weekdays (or any day): not working days. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休 make-up days). */
  workingWeekends: ReadonlySet<string>;
}

export const emptyCalendar: WorkCalendar = { holidays: new Set(), workingWeekends: new Set() };

const DAY_MS = 86_400_000;
const toUtc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);
export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.workingWeekends.has(date)) return true;
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date `n` working days after `date` (the start day itself does not count). */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  let current = date;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) left--;
  }
  return current;
}

/** Whole calendar months from `from` to `to` (2025-01-31 → 2025-07-30 is 5, → 2025-07-31 is 6). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), Number(from.slice(8, 10))];
  const [ty, tm, td] = [Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8, 10))];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) {
    // A month is complete on the same day-of-month, or on the last day of a shorter month.
    const lastOfMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
    if (!(td === lastOfMonth && fd > lastOfMonth)) months--;
  }
  return months;
}

export const monthOf = (date: string): string => date.slice(0, 7);
