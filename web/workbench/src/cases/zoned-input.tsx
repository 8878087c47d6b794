import { Input } from 'antd';
import { formatInZone, zonedLocalToUtc } from '../../../../core/time/zoned-time.ts';

// A date and time typed as the campaign's clock reads it (Beijing time), whatever the device's
// own zone: the phone's native picker for `datetime-local`, converted to a UTC instant here.

/** The UTC ISO instant for `YYYY-MM-DDTHH:mm[:ss]` read in `timeZone`, or null when incomplete. */
export function zonedInputToIso(value: string, timeZone: string): string | null {
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00` : value;
  try {
    return zonedLocalToUtc(local, timeZone).toISOString();
  } catch {
    return null;
  }
}

/** `YYYY-MM-DDTHH:mm` for an instant, as the zone's clock reads it (the input's own format). */
export function isoToZonedInput(iso: string, timeZone: string): string {
  return formatInZone(new Date(iso), timeZone).slice(0, 16).replace(' ', 'T');
}

export function ZonedDateTimeInput({ id, value, onChange, min, zone, status }: {
  id: string; value: string; onChange: (value: string) => void; min?: string; zone: string; status?: 'error';
}) {
  return (
    <Input id={id} type="datetime-local" value={value} min={min} status={status} onChange={(e) => onChange(e.target.value)}
      suffix={<span className="wb-zone-suffix">{zone}</span>} className="wb-zoned-input" />
  );
}
