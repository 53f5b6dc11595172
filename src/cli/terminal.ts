/**
 * Terminal-safe text: control characters (ESC, CR, BEL … except tab and line feed), C1 controls and the bidi
 * embedding/override/isolate characters (U+202A–U+202E, U+2066–U+2069) are shown as \uXXXX, so file contents
 * cannot move the cursor, recolour or reorder the terminal. Inside JSON strings \uXXXX is the same character,
 * so --json output stays valid and equal. Marks used in Arabic text (U+200E, U+200F) pass.
 * (A module of its own: every output of the command line goes through it, so it is loaded at start.)
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
export function terminalSafe(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
