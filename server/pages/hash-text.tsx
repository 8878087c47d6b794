/** A hash that may break every 16 digits on a narrow screen (<wbr>: nothing is added to what is copied). */
export function Hash({ value }: { value: string }) {
  return <code>{value.match(/.{1,16}/g)!.flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]))}</code>;
}
