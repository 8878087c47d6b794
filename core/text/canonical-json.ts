// JSON with every object's keys sorted (by UTF-16 code units) and no insignificant space: the
// bytes that hashes are taken over (the audit chain, a receipt's content hash), so anyone holding
// the same data computes the same hash. The value first goes through JSON itself, so dates become
// strings and undefined members vanish exactly as they would in storage.

export function canonicalJson(value: unknown): string {
  const plain: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
  return canonical(plain);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
