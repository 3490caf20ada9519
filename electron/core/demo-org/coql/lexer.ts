/** Tokens of COQL's SELECT statement (reference §5.3, [OAS] coql.json, [CRM-COQL-LIM]). */
export type TokenKind = 'word' | 'string' | 'number' | 'punct' | 'op' | 'end';

export interface Token {
  kind: TokenKind;
  /** Original text (strings: unquoted value). */
  text: string;
  pos: number;
}

export class CoqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly near: string,
    readonly clause?: string,
  ) {
    super(message);
  }
}

export function tokenize(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const start = i;
    if (ch === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= input.length) throw new CoqlSyntaxError('unterminated string', input.slice(start, start + 12));
        const c = input[i]!;
        if (c === '\\' && i + 1 < input.length) {
          value += input[i + 1]!;
          i += 2;
        } else if (c === "'" && input[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (c === "'") {
          i += 1;
          break;
        } else {
          value += c;
          i += 1;
        }
      }
      out.push({ kind: 'string', text: value, pos: start });
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(input[i + 1] ?? ''))) {
      i += 1;
      while (i < input.length && /[0-9.]/.test(input[i]!)) i += 1;
      out.push({ kind: 'number', text: input.slice(start, i), pos: start });
    } else if (/[A-Za-z_$]/.test(ch)) {
      while (i < input.length && /[A-Za-z0-9_$]/.test(input[i]!)) i += 1;
      out.push({ kind: 'word', text: input.slice(start, i), pos: start });
    } else if ('(),.;*'.includes(ch)) {
      i += 1;
      out.push({ kind: 'punct', text: ch, pos: start });
    } else {
      const two = input.slice(i, i + 2);
      if (['!=', '<>', '<=', '>='].includes(two)) {
        i += 2;
        out.push({ kind: 'op', text: two === '<>' ? '!=' : two, pos: start });
      } else if ('=<>'.includes(ch)) {
        i += 1;
        out.push({ kind: 'op', text: ch, pos: start });
      } else {
        throw new CoqlSyntaxError(`unexpected character "${ch}"`, input.slice(start, start + 12));
      }
    }
  }
  out.push({ kind: 'end', text: '', pos: input.length });
  return out;
}
