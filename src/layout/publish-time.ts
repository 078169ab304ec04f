const zone = 'Europe/Stockholm';

/** The UTC offset of Europe/Stockholm at an instant, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')!.value; // "GMT+01:00"
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (match === null) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * A date and a wall-clock time in Stockholm as ISO 8601 with its offset, e.g.
 * `2020-12-16T08:00:00+01:00`, `2020-07-30T08:00:00+02:00`.
 */
export function stockholmTimestamp(date: string, time: string): string {
  const naiveUtc = new Date(`${date}T${time}:00Z`);
  // Read the offset at the wall-clock time as if it were UTC, then again at the instant that
  // offset gives: the second reading is right except inside the hour a clock change skips.
  let offset = offsetMinutes(naiveUtc);
  offset = offsetMinutes(new Date(naiveUtc.getTime() - offset * 60_000));
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  const minutes = String(absolute % 60).padStart(2, '0');
  return `${date}T${time}:00${sign}${hours}:${minutes}`;
}
