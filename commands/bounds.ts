// How much a /privacy command may carry, checked before anything else is done with it
// (before its delivery is recorded, before the person is looked up): the whole text, each
// word (a code, a mention, a date: none is longer than WORD_MAX), and no control
// characters (PostgreSQL cannot store NUL). A command over a bound is answered in the
// ack itself with a short message that does not repeat it; nothing is stored.
import { hasControlCharacter } from "../src/platform/slack/modal.js";

/** The longest text after /privacy (the longest real one, an admin command naming a person, is under 200). */
export const COMMAND_TEXT_MAX = 1000;
/** The longest word: a channel mention with its name (<#C…|name>, a name is at most 80) is about 100. */
export const COMMAND_WORD_MAX = 120;

/**
 * The answer to a command text over a bound, or null when it is within them. Both
 * languages: it is answered before the person (and so their language) is looked up.
 */
export function commandTextProblem(text: unknown): string | null {
  if (typeof text !== "string") return null;
  if (hasControlCharacter(text)) {
    return "コマンドに使用できない文字（制御文字）が含まれています。\nThe command contains a character that cannot be used (a control character).";
  }
  const longest = text.split(/\s+/).reduce((n, w) => Math.max(n, w.length), 0);
  if (text.length > COMMAND_TEXT_MAX || longest > COMMAND_WORD_MAX) {
    return (
      `コマンドが長すぎます（全体で${COMMAND_TEXT_MAX}文字、ひとつの語は${COMMAND_WORD_MAX}文字まで）。\`/privacy help\` で使い方を確認してください。\n` +
      `The command is too long (at most ${COMMAND_TEXT_MAX} characters, ${COMMAND_WORD_MAX} in one word). See \`/privacy help\`.`
    );
  }
  return null;
}
