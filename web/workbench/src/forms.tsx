import { Alert, Form } from 'antd';
import type { ReactNode } from 'react';
import { Controller, type Control, type ControllerRenderProps, type FieldPath, type FieldValues, type UseFormSetError } from 'react-hook-form';
import { placeServerError } from './server-error.ts';

// react-hook-form owns the values and zod checks them; antd's Form.Item only lays a field out
// and shows its message, whether it came from zod or from the server.

export function FormField<T extends FieldValues, N extends FieldPath<T>>(props: {
  control: Control<T>;
  name: N;
  label: ReactNode;
  required?: boolean;
  extra?: ReactNode;
  render: (field: ControllerRenderProps<T, N> & { id: string; status: '' | 'error' }) => ReactNode;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Form.Item
          label={props.label}
          required={props.required}
          htmlFor={`f-${props.name}`}
          validateStatus={fieldState.error ? 'error' : undefined}
          help={fieldState.error?.message}
          extra={props.extra}
        >
          {props.render({ ...field, id: `f-${props.name}`, status: fieldState.error ? 'error' : '' })}
        </Form.Item>
      )}
    />
  );
}

/**
 * Puts the server's field problems next to their fields; returns the message to show above the
 * form when the error is not about one of them.
 */
export function applyServerError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  return placeServerError(error, fields, (field, message) => setError(field as FieldPath<T>, { type: 'server', message }));
}

export function ServerMessage({ message, extra }: { message: string | null; extra?: ReactNode }) {
  if (!message) return null;
  return <Alert className="wb-alert" type="error" showIcon title={message} description={extra} role="alert" />;
}
