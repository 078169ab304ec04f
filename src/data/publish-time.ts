const zone = 'Europe/Stockholm';
const day = 24 * 60 * 60 * 1000;

// Made once: constructing a DateTimeFormat costs about half a millisecond, and the campaign
// schema asks for three offsets a post.
const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: zone,
  timeZoneName: 'longOffset',
});

/** The UTC offset of Europe/Stockholm at an instant, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const name = offsetFormat
    .formatToParts(new Date(instant))
    .find((part) => part.type === 'timeZoneName')!.value; // "GMT+01:00"
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (match === null) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function formatOffset(minutes: number): string {
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hours}:${String(absolute % 60).padStart(2, '0')}`;
}

/**
 * Every instant that a date and a wall-clock time (`HH:MM`) name in Stockholm, as ISO 8601 with
 * its offset, earliest first. One on almost every day; two in the hour the clocks repeat when
 * summer time ends (02:00–03:00 on the last Sunday of October: `+02:00`, then `+01:00`); none
 * in the hour they skip when it starts (02:00–03:00 on the last Sunday of March).
 */
export function stockholmInstants(date: string, time: string): string[] {
  const wallClock = Date.parse(`${date}T${time}:00Z`);
  // A clock change happens at most once a day: the offsets a day before and after are the only
  // ones the time can have. An offset fits when the instant it gives is in that offset.
  const offsets = [...new Set([offsetMinutes(wallClock - day), offsetMinutes(wallClock + day)])];
  return offsets
    .filter((offset) => offsetMinutes(wallClock - offset * 60_000) === offset)
    .sort((a, b) => b - a) // the larger offset is the earlier instant
    .map((offset) => `${date}T${time}:00${formatOffset(offset)}`);
}

/**
 * A date and a wall-clock time in Stockholm as ISO 8601 with its offset, e.g.
 * `2020-12-16T08:00:00+01:00`, `2020-07-30T08:00:00+02:00`. In the hour that happens twice
 * when summer time ends it is the first, still summer time: `2021-10-31T02:30:00+02:00`, on
 * every run (`excerpt check` warns of it). A time that does not exist, in the hour skipped
 * when summer time starts, is refused by the campaign schema; here it throws a RangeError.
 */
export function stockholmTimestamp(date: string, time: string): string {
  const [first] = stockholmInstants(date, time);
  if (first === undefined) {
    throw new RangeError(`${date} ${time} does not exist in ${zone}: the clocks skip that hour`);
  }
  return first;
}
