// Days as the schedule counts them: `YYYY-MM-DD`, read at noon UTC so no time zone moves a day.

/** `YYYY-MM-DD` of a UTC date. */
export const isoOf = (date: Date): string => date.toISOString().slice(0, 10);

/** The date of a `YYYY-MM-DD`, at noon UTC. */
export const dateOf = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

/** The `YYYY-MM-DD` `days` after (or before, when negative) `iso`. */
export const addDays = (iso: string, days: number): string => {
  const date = dateOf(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return isoOf(date);
};
