/**
 * Dates as report authors write them, day first: `23.03.23`, `23/03/2023`,
 * `5 April 2023`, `5th Apr. 2023`, `April 5, 2023`, `2023-04-05`.
 */

export type DateReading =
  /** A real calendar date. */
  | { kind: 'date'; iso: string }
  /** Written like a date but not one (`31.02.23`, `March 2023`, `45.13.2023`). */
  | { kind: 'invalid' }
  /** Not a date at all. */
  | { kind: 'none' };

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may', 'may'],
    ['june', 'jun'], ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'],
    ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
  ].flatMap((names, index) => names.map((name): [string, number] => [name, index + 1])),
);

const MONTH = String.raw`([A-Za-z]{3,9})\.?`;
// "5th", and "5." as German and Nordic authors write the day.
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|\.)?`;
const YEAR = String.raw`(\d{4})`;
/** A weekday name as it may open a written date ("Tuesday", "Tue.", "Thurs"). */
export const WEEKDAY_WORD = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?`;
const WEEKDAY = new RegExp(String.raw`^${WEEKDAY_WORD},?\s+`, 'i');

const NUMERIC_DAY_FIRST = /^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
const NUMERIC_YEAR_FIRST = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/;
// With the month in words a two-digit year cannot be mistaken ("5 Apr 23").
const DAY_MONTH_YEAR = new RegExp(String.raw`^${DAY}(?:\s+of)?[\s-]+${MONTH},?[\s-]+(\d{4}|\d{2})$`, 'i');
const MONTH_DAY_YEAR = new RegExp(String.raw`^${MONTH}\s+${DAY},?\s+${YEAR}$`, 'i');
const MONTH_YEAR = new RegExp(String.raw`^${MONTH},?\s+${YEAR}$`, 'i');
// Loose shapes that make a line count as an attempt at a date.
const DATE_SHAPED = /^\d{1,4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,4}$/;

/** Reads a whole text as one date. */
export function dateFromText(text: string): DateReading {
  // A line may end its date with a full stop ("23.03.2023.", "March 23, 2023.").
  const plain = text.replace(/[\s\u00a0]+/gu, ' ').trim().replace(WEEKDAY, '').replace(/(\d)\.$/u, '$1');
  let match = NUMERIC_DAY_FIRST.exec(plain);
  if (match) return checked(yearFromDigits(match[4]!), Number(match[3]), Number(match[1]));
  match = NUMERIC_YEAR_FIRST.exec(plain);
  if (match) return checked(Number(match[1]), Number(match[3]), Number(match[4]));
  match = DAY_MONTH_YEAR.exec(plain);
  if (match) return withMonthName(match[2]!, yearFromDigits(match[3]!), Number(match[1]));
  match = MONTH_DAY_YEAR.exec(plain);
  if (match) return withMonthName(match[1]!, Number(match[3]), Number(match[2]));
  match = MONTH_YEAR.exec(plain);
  // A month without a day cannot become an ISO date.
  if (match && MONTHS.has(match[1]!.toLowerCase())) return { kind: 'invalid' };
  if (DATE_SHAPED.test(plain)) return { kind: 'invalid' };
  return { kind: 'none' };
}

// Two-digit years in these reports are this century.
function yearFromDigits(digits: string): number {
  const value = Number(digits);
  return digits.length === 2 ? 2000 + value : value;
}

function withMonthName(name: string, year: number, day: number): DateReading {
  const month = MONTHS.get(name.toLowerCase());
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
