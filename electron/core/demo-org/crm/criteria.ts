/**
 * The Search API's `criteria` grammar (reference §5.3, [CRM-SEARCH8]):
 * ((Field:operator:value)and(Field:operator:value)) — at most 10 criteria; `(`, `)` and `,`
 * inside values are escaped with a backslash; `in` and `between` take comma-separated values.
 */
export interface Comparison {
  kind: 'cmp';
  field: string;
  op: string;
  values: string[];
}
export type Criteria = Comparison | { kind: 'and'; left: Criteria; right: Criteria } | { kind: 'or'; left: Criteria; right: Criteria };

export class CriteriaError extends Error {}

export const SEARCH_OPERATORS = ['equals', 'not_equal', 'starts_with', 'in', 'greater_than', 'greater_equal', 'less_than', 'less_equal', 'between'];
export const MAX_SEARCH_CRITERIA = 10;

export function parseCriteria(text: string): { tree: Criteria; count: number } {
  let i = 0;
  let count = 0;
  const peek = () => text[i];
  const expect = (ch: string) => {
    if (text[i] !== ch) throw new CriteriaError(`expected "${ch}" at position ${i}`);
    i += 1;
  };
  const group = (): Criteria => {
    expect('(');
    let node: Criteria;
    if (peek() === '(') node = expr();
    else {
      let raw = '';
      while (i < text.length && text[i] !== ')') {
        if (text[i] === '\\' && i + 1 < text.length) {
          raw += text[i]! + text[i + 1]!;
          i += 2;
        } else raw += text[i++]!;
      }
      node = comparison(raw);
      count += 1;
    }
    expect(')');
    return node;
  };
  const expr = (): Criteria => {
    let left = group();
    for (;;) {
      const rest = text.slice(i).toLowerCase();
      const op = rest.startsWith('and') ? 'and' : rest.startsWith('or') ? 'or' : undefined;
      if (!op) return left;
      i += op.length;
      left = op === 'and' ? { kind: 'and', left, right: group() } : { kind: 'or', left, right: group() };
    }
  };
  const tree = expr();
  if (i !== text.length) throw new CriteriaError(`unexpected "${text.slice(i, i + 10)}"`);
  return { tree, count };
}

function comparison(raw: string): Comparison {
  const first = raw.indexOf(':');
  const second = raw.indexOf(':', first + 1);
  if (first <= 0 || second < 0) throw new CriteriaError(`"${raw}" is not Field:operator:value`);
  const field = raw.slice(0, first).trim();
  const op = raw.slice(first + 1, second).trim().toLowerCase();
  if (!SEARCH_OPERATORS.includes(op)) throw new CriteriaError(`unknown operator "${op}"`);
  const valueText = raw.slice(second + 1);
  const multi = op === 'in' || op === 'between';
  const values: string[] = [];
  let current = '';
  for (let k = 0; k < valueText.length; k += 1) {
    const ch = valueText[k]!;
    if (ch === '\\' && k + 1 < valueText.length) current += valueText[++k]!;
    else if (ch === ',' && multi) {
      values.push(current);
      current = '';
    } else current += ch;
  }
  values.push(current);
  if (op === 'between' && values.length !== 2) throw new CriteriaError('between takes two values');
  return { kind: 'cmp', field, op, values };
}
