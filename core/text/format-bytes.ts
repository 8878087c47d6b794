const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Sizes as people read them on a file dialog: 1024-based, at most one decimal, "20 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} ${UNITS[unit]}`;
}
