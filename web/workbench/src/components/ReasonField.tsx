import { Alert, Input } from 'antd';
import { useState } from 'react';
import './reason-field.css';

// The reason an organizer must give for a decision (a changed selection, an objection's
// outcome): counted as typed, refused before sending when empty, and the server's refusal shown
// under it while what was typed stays. Text past the limit is not cut: the count turns red and the
// server refuses it, so nobody saves a reason of record shorter than the one they wrote.

export interface ReasonState {
  value: string;
  missing: boolean;
  onChange: (value: string) => void;
}

/** The reason's state; `take()` gives the trimmed reason, or null and shows the note when empty. */
export function useRequiredReason(): { field: ReasonState; take: () => string | null } {
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const take = () => {
    const reason = value.trim();
    if (!reason) setMissing(true);
    return reason || null;
  };
  const onChange = (next: string) => {
    setValue(next);
    if (next.trim()) setMissing(false);
  };
  return { field: { value, missing, onChange }, take };
}

/** Characters as the server counts them: 𠮷 is one, not two UTF-16 units. */
const characters = (text: string) => [...text].length;

export function ReasonField({ id, label, missingText, max, refusal, field }: {
  id: string; label: string; missingText: string; max: number; refusal: string | undefined; field: ReasonState;
}) {
  const { value, missing, onChange } = field;
  return (
    <>
      <label htmlFor={id} className="wb-reason-label">{label}</label>
      <Input.TextArea id={id} value={value} count={{ show: true, max, strategy: characters }}
        rows={4} status={missing ? 'error' : undefined}
        aria-invalid={missing || undefined} aria-describedby={missing ? `${id}-missing` : undefined}
        onChange={(e) => onChange(e.target.value)} />
      {missing && <div id={`${id}-missing`} className="wb-reason-missing" role="alert">{missingText}</div>}
      {refusal && <Alert className="wb-alert wb-reason-refusal" type="error" showIcon title={refusal} />}
    </>
  );
}
