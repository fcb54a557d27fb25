/**
 * The checks every text value of an input gets, whatever its field (a client's name, a contract's
 * note, an extra field's values): its length, that it shows something, and that it can't reorder
 * what is shown around it, nor hide text or change when stored.
 */

/**
 * What draws nothing on its own: whitespace, control and format characters (zero-width space and
 * joiners, word joiner, BOM, soft hyphen, bidi marks), the other default-ignorable code points
 * (Hangul fillers, variation selectors, the combining grapheme joiner), combining marks without a
 * letter to sit on, lone surrogates and the blank braille pattern.
 */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}\p{Cs}\u2800]*$/u;

/**
 * The bidi embedding, override and isolate controls: they reorder the text after them on screen
 * ("Trojan Source"), so a name or an account note could read differently from what is stored.
 * The marks (U+200E, U+200F, U+061C) are kept: right-to-left text uses them and they reorder nothing.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Tag characters draw nothing, yet each one stands for an ASCII character, so a name or note can
 * carry hidden text ("ASCII smuggling") that a reader never sees and a program reading the field
 * does. Their one use in text is a subdivision flag (a black flag, two to six tag letters or digits,
 * a cancel tag: Scotland's is U+1F3F4 "gbsct" U+E007F), which is removed before looking.
 */
const TAG = /[\u{E0000}-\u{E007F}]/u;
const SUBDIVISION_FLAG = /\u{1F3F4}[\u{E0061}-\u{E007A}]{2}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,4}\u{E007F}/gu;

/**
 * Half of a UTF-16 pair without the other half: no character at all, which PostgreSQL would
 * store as U+FFFD, so what is read back would differ from what was sent.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether `value` has at least one character that is seen. */
export const hasVisibleCharacter = (value: string): boolean => !INVISIBLE_ONLY.test(value);

export interface TextRule {
  /** Longest text accepted (the column's length). */
  max?: number;
  /** Must show something; otherwise an empty value is fine (null is what clears a field). */
  required?: boolean;
}

/** The problem with one text value; null when it is fine. */
export function textProblem(value: string, rule: TextRule): string | null {
  if (rule.max !== undefined && value.length > rule.max) return `At most ${rule.max} characters`;
  if (LONE_SURROGATE.test(value)) return "Must not contain a lone surrogate (half of a UTF-16 pair, which is no character)";
  if (!hasVisibleCharacter(value)) {
    if (rule.required) return "Must not be blank";
    if (value !== "") return "Has no visible character (null clears the field)";
  }
  if (BIDI_CONTROL.test(value)) return "Must not contain bidirectional override or isolate controls (U+202A..U+202E, U+2066..U+2069)";
  if (TAG.test(value) && TAG.test(value.replace(SUBDIVISION_FLAG, ""))) {
    return "Must not contain tag characters (U+E0000..U+E007F), which hide text; only a subdivision flag may use them";
  }
  return null;
}
