import type { Answer } from '../record/types.js';

/**
 * A scorecard profile: the words one kind of report is written with, per language.
 * Profiles are data (profiles/*.json, checked against profiles/profile.schema.json
 * when they are loaded); this is their shape as the core reads it.
 */
export interface Profile {
  id: string;
  name?: string;
  description?: string;
  questions: { count: number; id: string };
  weights: Record<Answer, number>;
  totalTolerance: number;
  symbols?: AnswerWords;
  /** Keyed by BCP 47 tag, in order of preference. */
  languages: Record<string, ProfileLanguage>;
}

export interface AnswerWords {
  Y?: string[];
  P?: string[];
  N?: string[];
  missing?: string[];
}

export type NumericDateOrder = 'day-month-year' | 'year-month-day' | 'month-day-year';
export type WrittenDateOrder = 'day-month-year' | 'month-day-year';

export interface ProfileLanguage {
  name?: string;
  questionLabels: string[];
  answers: AnswerWords;
  yearHeaders: string[];
  totalHeaders: string[];
  totalUnits?: string[];
  outOf?: string[];
  headings: { scores?: string[]; developments?: string[]; subjects?: string[] };
  labels: { title?: string[]; author?: string[]; authorInProse?: string[]; date?: string[]; metadata?: string[] };
  dates: {
    numeric?: NumericDateOrder[];
    written?: WrittenDateOrder[];
    months: string[][];
    weekdays?: string[];
    daySuffixes?: string[];
    connectors?: string[];
    leadWords?: string[];
  };
  nameParticles?: string[];
  notNameWords?: string[];
  commonWords?: string[];
  compoundParts?: string[];
}
