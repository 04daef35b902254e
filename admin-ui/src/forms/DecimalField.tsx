import { ariaDescribedByIds, type FieldProps } from '@rjsf/utils';
import { useState } from 'react';
import { parseDecimal } from './parseDecimal';

/**
 * rjsf's NumberField replaced: a text input with inputmode=decimal (a phone shows digits and both separators) whose
 * text is read by parseDecimal, so "150,5" is 150.5 in every browser locale. A locale `number` input would drop the
 * comma in an English browser (150,5 → 1505, which can cross the 1000 m² of a term class). What was typed stays on
 * screen as typed.
 */
export function DecimalField(props: FieldProps) {
  const { fieldPathId, formData, onChange, onBlur, onFocus, disabled, readonly, required, autofocus } = props;
  const id = fieldPathId.$id;
  const [text, setText] = useState<string>(() => (formData === undefined || formData === null ? '' : String(formData)));
  // Data set from outside (a scenario loaded, a reset) replace the text unless it is what the text already reads as.
  const empty = formData === undefined || formData === null;
  const display = empty
    ? parseDecimal(text) === undefined
      ? text
      : ''
    : parseDecimal(text) === formData
      ? text
      : String(formData);
  return (
    <input
      id={id}
      name={fieldPathId.name}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      className="form-control"
      value={display}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseDecimal(e.target.value), fieldPathId.path, undefined, id);
      }}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
