import { errorId, type FieldErrors } from "./form-errors.ts";

/** A field's error in a sentence, under the field; the field points at it with aria-describedby. */
export function FieldError({ sentences, path }: { sentences: FieldErrors; path: string }) {
  const sentence = sentences[path];
  return sentence === undefined ? null : (
    <p className="field-error" id={errorId(path)} data-field={path}>
      {sentence}
    </p>
  );
}
