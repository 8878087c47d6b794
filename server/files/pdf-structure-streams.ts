import { constants, inflateSync } from 'node:zlib';

// pdf-lib decodes every object stream and cross-reference stream while it loads a file, whole
// and without a size limit, so a few compressed kilobytes could become gigabytes before any
// check runs. Before pdf-lib sees a file, every stream that pdf-lib could take for one of
// those (the next stream after any /ObjStm or /XRef name, escapes decoded) is inflated here
// with a cap. The scan is linear: keywords are indexed once, then looked up by binary search.

const MiB = 1024 * 1024;
/** Structural streams hold object numbers and small dictionaries: a few MB in the largest files. */
export const MAX_STRUCTURE_STREAM_BYTES = 16 * MiB;
export const MAX_STRUCTURE_TOTAL_BYTES = 64 * MiB;

export type StructureVerdict = 'bomb' | 'unsupported' | undefined;

const NAME = /\/([^\s/[\]<>(){}%\0]*)/g;
const decodeName = (raw: string) => raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
// Filters pdf-lib also decodes: LZW and run-length expand far, and the ASCII ones would hide a
// Flate stream behind them. Files with object streams (PDF 1.5 and later) use Flate alone.
const OTHER_FILTERS = new Set(['LZWDecode', 'LZW', 'RunLengthDecode', 'RL', 'ASCIIHexDecode', 'AHx', 'ASCII85Decode', 'A85']);

function positions(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((m) => m.index);
}

/** The index of the first value in sorted `list` above `value` (list.length when none is). */
function indexAfter(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! > value) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Whether the structural streams of `bytes` inflate within the caps, with no filter but Flate in the file. */
export function checkStructureStreams(bytes: Buffer): StructureVerdict {
  const text = bytes.toString('latin1');
  const names = [...text.matchAll(NAME)].map((m) => ({ at: m.index, name: decodeName(m[1]!) }));
  const candidates = names.filter((n) => n.name === 'ObjStm' || n.name === 'XRef');
  if (candidates.length === 0) return undefined;
  if (names.some((n) => OTHER_FILTERS.has(n.name))) return 'unsupported';
  const streams = positions(text, /(?<!end)stream/g);
  const ends = positions(text, /endstream/g);
  const checked = new Set<number>();
  let total = 0;
  for (const candidate of candidates) {
    const stream = streams[indexAfter(streams, candidate.at)];
    if (stream === undefined || checked.has(stream)) continue;
    checked.add(stream);
    // After the keyword, as pdf-lib reads it: space CR LF, CR LF, CR, LF or nothing.
    const dataStart = stream + 6 + (/^(?: \r\n|\r\n|\r|\n)?/.exec(text.slice(stream + 6, stream + 9))![0].length);
    const data = bytes.subarray(dataStart, ends[indexAfter(ends, dataStart)] ?? bytes.length);
    const room = Math.min(MAX_STRUCTURE_STREAM_BYTES, MAX_STRUCTURE_TOTAL_BYTES - total);
    try {
      total += inflateSync(data, { maxOutputLength: Math.max(room, 1), finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'bomb';
      // Not zlib data (an unfiltered stream), or damaged data that stops pdf-lib's decoder as
      // early as ours: nothing here can grow past its own size.
    }
  }
  return undefined;
}
