/**
 * Plain-language JSON errors: JavaScript's parser messages ("Expected ',' or '}' after property
 * value in JSON at position 13") differ between engines and assume a developer reader. This finds
 * where the text first goes wrong, as a line and column, and says what is probably missing.
 */

export interface JsonProblem {
  line: number;
  column: number;
  /** What is probably wrong, as a plain sentence ending with a full stop. */
  reason: string;
}

class Stop {
  constructor(
    readonly pos: number,
    readonly reason: string,
  ) {}
}

const MISSING_IN_OBJECT = 'a comma or closing brace is probably missing.';
const MISSING_IN_ARRAY = 'a comma or closing bracket is probably missing.';
const ENDS_TOO_SOON = 'the text ends too soon: a closing brace, bracket or quote is probably missing.';

/** Where the JSON in `text` first goes wrong, or null if it is valid. */
export function findJsonProblem(text: string): JsonProblem | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const end = (): never => {
    throw new Stop(text.length, ENDS_TOO_SOON);
  };

  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const n = text[i + 1];
        if (n === undefined) end();
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, 'a \\u escape needs four hex digits, like \\u00e9.');
          i += 6;
        } else if ('"\\/bfnrt'.includes(n!)) i += 2;
        else throw new Stop(i, 'a backslash in text must be doubled (\\\\) or start an escape like \\n.');
        continue;
      }
      if (c < ' ') throw new Stop(i, 'text in quotes cannot span lines: close the quote, or write \\n for a line break.');
      i++;
    }
    end();
  };

  const value = (): void => {
    ws();
    if (i >= text.length) end();
    const c = text[i]!;
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number && number[0]) {
      i += number[0].length;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c === "'") throw new Stop(i, 'text must be in double quotes ("like this"), not single quotes.');
    throw new Stop(i, 'this value is not valid: text needs double quotes, and true, false and null are written in lower case.');
  };

  const object = () => {
    i++; // {
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (i >= text.length) end();
      if (text[i] === '}') throw new Stop(i, 'there is an extra comma before the closing brace.');
      if (text[i] !== '"') throw new Stop(i, 'each name needs double quotes, like "Last_Name".');
      string();
      ws();
      if (i >= text.length) end();
      if (text[i] !== ':') throw new Stop(i, 'a colon (:) is probably missing after the name.');
      i++;
      value();
      ws();
      if (i >= text.length) end();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      throw new Stop(i, MISSING_IN_OBJECT);
    }
  };

  const array = () => {
    i++; // [
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === ']') throw new Stop(i, 'there is an extra comma before the closing bracket.');
      value();
      ws();
      if (i >= text.length) end();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      throw new Stop(i, MISSING_IN_ARRAY);
    }
  };

  try {
    value();
    ws();
    if (i < text.length) throw new Stop(i, 'there is something extra after the end of the JSON (a stray brace or a second value?).');
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.pos);
    const lines = before.split('\n');
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1, reason: e.reason };
  }
}

/**
 * "The JSON body isn't valid at line 3, column 5: a comma or closing brace is probably missing."
 * `subject` names the text, e.g. "The JSON body"; `plural` for "The query parameters aren't…".
 */
export function describeJsonProblem(text: string, subject: string, plural = false): string {
  const verb = plural ? "aren't" : "isn't";
  const problem = findJsonProblem(text);
  if (!problem) return `${subject} ${verb} valid JSON.`;
  return `${subject} ${verb} valid at line ${problem.line}, column ${problem.column}: ${problem.reason}`;
}
