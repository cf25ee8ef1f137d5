// Local calendar dates and timestamps: "today" is the user's day, not UTC's.

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** YYYY-MM-DD in local time. */
export function localDate(date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** YYYYMMDD-HHmmss in local time, for file names. */
export function localTimestamp(date = new Date()): string {
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}
