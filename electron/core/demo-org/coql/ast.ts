/** The parsed form of a COQL query. */
export interface FieldRef {
  /** e.g. "Account_Name" or, for a lookup's field, "Account_Name" + "Account_Name". */
  field: string;
  sub?: string;
  /** As written, used as the key in the answer ("Account_Name.Account_Name"). */
  text: string;
}

export type Literal = string | number | boolean | null;

export type Condition =
  | { kind: 'and'; left: Condition; right: Condition }
  | { kind: 'or'; left: Condition; right: Condition }
  | { kind: 'cmp'; ref: FieldRef; op: '=' | '!=' | '<' | '<=' | '>' | '>='; value: Literal }
  | { kind: 'like'; ref: FieldRef; negate: boolean; pattern: string }
  | { kind: 'in'; ref: FieldRef; negate: boolean; values: Literal[] }
  | { kind: 'null'; ref: FieldRef; negate: boolean }
  | { kind: 'between'; ref: FieldRef; low: Literal; high: Literal };

export interface Query {
  fields: FieldRef[];
  module: string;
  where?: Condition;
  orderBy: Array<{ ref: FieldRef; order: 'asc' | 'desc' }>;
  offset: number;
  /** Absent: Zoho's default of 200. */
  limit?: number;
  criteriaCount: number;
}
