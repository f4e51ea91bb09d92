import { z } from "zod";
import { fieldError } from "./field-error";

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * What makes `text` unfit to store or forward, in words for the sender, or undefined when it is fine: a C0 control
 * character other than tab (and line breaks when `multiline`), DEL, or half of a surrogate pair. PostgreSQL refuses
 * NUL in text and a lone surrogate in JSON, and none of them is anything a person means to type.
 */
export function unfitCharacter(text: string, { multiline = false } = {}): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `must not contain an unpaired surrogate (${hex(code)})`;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return `must not contain an unpaired surrogate (${hex(code)})`;
    if (code === 0x09 || (multiline && (code === 0x0a || code === 0x0d))) continue;
    if (code < 0x20 || code === 0x7f) {
      const allowed = multiline ? "tab and line breaks are" : "tab is";
      return `must not contain the control character ${hex(code)} (of those, only ${allowed} allowed)`;
    }
  }
  return undefined;
}

function text(max: number, multiline: boolean) {
  return z
    .string({ error: fieldError("must be text") })
    .superRefine((value, context) => {
      const unfit = unfitCharacter(value, { multiline });
      if (unfit) context.addIssue({ code: "custom", message: unfit, abort: true });
    })
    .trim()
    .max(max, { error: `must be at most ${max} characters` });
}

/** One line of text (a title, a name, a search word): trimmed, bounded; no control character but tab. */
export const singleLineText = (max: number) => text(max, false);

/** Text a textarea sends (a description, a message): like singleLineText, and line breaks are kept. */
export const multilineText = (max: number) => text(max, true);

/** Free text a person must fill in: trimmed, not blank, bounded. */
export function requiredText(max: number, { multiline = false } = {}) {
  return text(max, multiline).min(1, { error: "is required" });
}

/** Free text a person may leave out; missing means empty. */
export function optionalText(max: number, { multiline = false } = {}) {
  return text(max, multiline).default("");
}
