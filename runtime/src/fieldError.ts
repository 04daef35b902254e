/**
 * One mistake in a request body the runtime checks by hand (saved filters, notification settings): located by its
 * JSON pointer, in the three languages a form shows it in. `message` is the English one, as in every problem.
 */
export interface FieldError {
  pointer: string;
  code: string;
  message: string;
  messages: { kk: string; ru: string; en: string };
}

export const fieldError = (pointer: string, code: string, en: string, kk: string, ru: string): FieldError => ({
  pointer,
  code,
  message: en,
  messages: { kk, ru, en },
});
