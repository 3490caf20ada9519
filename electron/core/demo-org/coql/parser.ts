/**
 * A recursive-descent parser for the SELECT subset Zoho documents (reference §5.3,
 * [CRM-COQL-LIM], [K171]): field list (with lookup.field), FROM module, WHERE with
 * comparison / like / in / is null / between joined by and/or, ORDER BY, LIMIT offset, count
 * (or LIMIT count OFFSET offset). Zoho wants brackets once there are more than two criteria:
 * each bracket level holds at most one and/or, e.g. ((a and b) or c).
 */
import type { Condition, FieldRef, Literal, Query } from './ast';
import { CoqlSyntaxError, tokenize, type Token } from './lexer';

const KEYWORDS = new Set(['select', 'from', 'where', 'and', 'or', 'not', 'like', 'in', 'is', 'null', 'order', 'by', 'asc', 'desc', 'limit', 'offset', 'between', 'true', 'false']);

export function parseCoql(text: string): Query {
  const tokens = tokenize(text);
  let i = 0;
  let clause = 'select';
  let criteriaCount = 0;
  const peek = (): Token => tokens[i]!;
  const fail = (what: string): never => {
    const t = peek();
    throw new CoqlSyntaxError(what, t.kind === 'end' ? 'end of query' : text.slice(t.pos, t.pos + 20), clause);
  };
  const isWord = (w: string) => peek().kind === 'word' && peek().text.toLowerCase() === w;
  const word = (w: string) => {
    if (!isWord(w)) fail(`expected ${w.toUpperCase()}`);
    i += 1;
  };
  const punct = (p: string) => {
    if (peek().kind !== 'punct' || peek().text !== p) fail(`expected "${p}"`);
    i += 1;
  };
  const isPunct = (p: string) => peek().kind === 'punct' && peek().text === p;

  const ident = (): string => {
    const t = peek();
    if (t.kind !== 'word' || KEYWORDS.has(t.text.toLowerCase())) fail('expected a field or module name');
    i += 1;
    return t.text;
  };
  const fieldRef = (): FieldRef => {
    const field = ident();
    if (isPunct('.')) {
      i += 1;
      const sub = ident();
      return { field, sub, text: `${field}.${sub}` };
    }
    return { field, text: field };
  };
  const literal = (): Literal => {
    const t = peek();
    if (t.kind === 'string') {
      i += 1;
      return t.text;
    }
    if (t.kind === 'number') {
      i += 1;
      const n = Number(t.text);
      if (!Number.isFinite(n)) fail('invalid number');
      return n;
    }
    if (isWord('true') || isWord('false')) {
      i += 1;
      return t.text.toLowerCase() === 'true';
    }
    if (isWord('null')) {
      i += 1;
      return null;
    }
    return fail('expected a value');
  };
  const integer = (): number => {
    const t = peek();
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) fail('expected a whole number');
    i += 1;
    return Number(t.text);
  };

  const predicate = (): Condition => {
    const ref = fieldRef();
    criteriaCount += 1;
    const t = peek();
    if (t.kind === 'op') {
      i += 1;
      return { kind: 'cmp', ref, op: t.text as '=', value: literal() };
    }
    const negate = isWord('not');
    if (negate) i += 1;
    if (isWord('like')) {
      i += 1;
      const p = peek();
      if (p.kind !== 'string') fail("LIKE needs a quoted pattern such as 'Ab%'");
      i += 1;
      return { kind: 'like', ref, negate, pattern: p.text };
    }
    if (isWord('in')) {
      i += 1;
      punct('(');
      const values = [literal()];
      while (isPunct(',')) {
        i += 1;
        values.push(literal());
      }
      punct(')');
      return { kind: 'in', ref, negate, values };
    }
    if (!negate && isWord('is')) {
      i += 1;
      const not = isWord('not');
      if (not) i += 1;
      word('null');
      return { kind: 'null', ref, negate: not };
    }
    if (!negate && isWord('between')) {
      i += 1;
      const low = literal();
      word('and');
      return { kind: 'between', ref, low, high: literal() };
    }
    return fail('expected an operator (=, !=, <, >, like, in, is null, between)');
  };
  const term = (): Condition => {
    if (isPunct('(')) {
      i += 1;
      const inner = condition();
      punct(')');
      return inner;
    }
    return predicate();
  };
  const condition = (): Condition => {
    const left = term();
    const joiner = isWord('and') ? 'and' : isWord('or') ? 'or' : undefined;
    if (!joiner) return left;
    i += 1;
    const right = term();
    if (isWord('and') || isWord('or')) fail('use brackets to group more than two criteria, e.g. ((a and b) or c)');
    return joiner === 'and' ? { kind: 'and', left, right } : { kind: 'or', left, right };
  };

  word('select');
  if (isPunct('*')) fail('SELECT * is not supported; list the fields');
  const fields = [fieldRef()];
  while (isPunct(',')) {
    i += 1;
    fields.push(fieldRef());
  }
  clause = 'from';
  word('from');
  const module = ident();
  const query: Query = { fields, module, orderBy: [], offset: 0, criteriaCount: 0 };
  if (isWord('where')) {
    clause = 'where';
    i += 1;
    query.where = condition();
  }
  if (isWord('order')) {
    clause = 'order by';
    i += 1;
    word('by');
    do {
      if (isPunct(',')) i += 1;
      const ref = fieldRef();
      let order: 'asc' | 'desc' = 'asc';
      if (isWord('asc') || isWord('desc')) {
        order = peek().text.toLowerCase() as 'asc' | 'desc';
        i += 1;
      }
      query.orderBy.push({ ref, order });
    } while (isPunct(','));
  }
  if (isWord('limit')) {
    clause = 'limit';
    i += 1;
    const first = integer();
    if (isPunct(',')) {
      i += 1;
      query.offset = first;
      query.limit = integer();
    } else {
      query.limit = first;
      if (isWord('offset')) {
        i += 1;
        query.offset = integer();
      }
    }
  }
  if (isPunct(';')) i += 1;
  if (peek().kind !== 'end') fail('unexpected text after the query');
  query.criteriaCount = criteriaCount;
  return query;
}
