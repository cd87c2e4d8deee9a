/**
 * The text rule the CSV, Markdown, calendar and .docx writers share: what a user's text may carry into a
 * file. Pure, like the writers.
 */

// C0 controls but TAB and LF, DEL, C1 controls, and the two non-characters XML 1.0 forbids. CR is handled
// before this runs (CR LF and a lone CR become LF).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
// A UTF-16 surrogate without its pair is no character at all: a UTF-8 encoder would write U+FFFD or fail.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A user's text as an export carries it: line ends as LF, control characters (invisible, and refused by
 * XML — a .docx holding one would not open) and broken surrogates removed. Tabs and line breaks stay.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '');
}
