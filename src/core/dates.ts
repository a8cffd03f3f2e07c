import type { DateWords } from './reading.js';

/**
 * Dates as report authors write them, day first: `23.03.23`, `23/03/2023`,
 * `5 April 2023`, `5th Apr. 2023`, `April 5, 2023`, `2023-04-05`, and in the
 * profile's language `12 de abril de 2024`, `1er février 2024`. Month and weekday
 * names, day suffixes and the orders tried come from the profile.
 */

export type DateReading =
  /** A real calendar date. */
  | { kind: 'date'; iso: string }
  /** Written like a date but not one (`31.02.23`, `March 2023`, `45.13.2023`). */
  | { kind: 'invalid' }
  /** Not a date at all. */
  | { kind: 'none' };

// Loose shapes that make a line count as an attempt at a date.
const DATE_SHAPED = /^\d{1,4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,4}$/;

/** Reads a whole text as one date. */
export function dateFromText(text: string, words: DateWords): DateReading {
  // A line may end its date with a full stop ("23.03.2023.", "March 23, 2023.").
  const plain = text
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim()
    .replace(words.opening, '')
    .replace(/(\d)\.$/u, '$1');
  for (const { order, pattern } of words.numeric) {
    const match = pattern.exec(plain);
    if (!match) continue;
    if (order === 'year-month-day') return checked(Number(match[1]), Number(match[3]), Number(match[4]));
    const year = yearFromDigits(match[4]!);
    return order === 'day-month-year'
      ? checked(year, Number(match[3]), Number(match[1]))
      : checked(year, Number(match[1]), Number(match[3]));
  }
  let match = words.dayMonthYear?.exec(plain);
  if (match) return withMonthName(words, match[2]!, yearFromDigits(match[3]!), Number(match[1]));
  match = words.monthDayYear?.exec(plain);
  if (match) return withMonthName(words, match[1]!, Number(match[3]), Number(match[2]));
  match = words.monthYear.exec(plain);
  // A month without a day cannot become an ISO date.
  if (match && words.months.has(match[1]!.toLowerCase())) return { kind: 'invalid' };
  if (DATE_SHAPED.test(plain)) return { kind: 'invalid' };
  return { kind: 'none' };
}

// Two-digit years in these reports are this century.
function yearFromDigits(digits: string): number {
  const value = Number(digits);
  return digits.length === 2 ? 2000 + value : value;
}

function withMonthName(words: DateWords, name: string, year: number, day: number): DateReading {
  const month = words.months.get(name.toLowerCase());
  return month === undefined ? { kind: 'none' } : checked(year, month, day);
}

function checked(year: number, month: number, day: number): DateReading {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return { kind: 'invalid' };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return { kind: 'invalid' };
  return { kind: 'date', iso: `${year}-${pad(month)}-${pad(day)}` };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
