import { z } from 'zod';

/**
 * zod's default messages ("Too big: expected string to have <=8192 characters") are for
 * developers. Every schema in the contract falls back to these plain sentences instead;
 * a schema's own message, where it has one, still wins.
 */
const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

export const plainErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `Keep this under ${plural(issue.maximum, 'character', 'characters')} (it is longer now).`;
      if (issue.origin === 'array') return `Choose at most ${plural(issue.maximum, 'item', 'items')}.`;
      return `Use a value no bigger than ${issue.maximum}.`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'This can’t be empty.' : `Use at least ${plural(issue.minimum, 'character', 'characters')}.`;
      if (issue.origin === 'array') return `Choose at least ${plural(issue.minimum, 'item', 'items')}.`;
      return `Use a value of at least ${issue.minimum}.`;
    case 'invalid_type':
      return issue.input === undefined ? 'This is required.' : 'This value is not of the expected kind.';
    case 'invalid_value':
      return 'Pick one of the offered choices.';
    case 'invalid_format':
      return 'This is not in the expected format.';
    case 'unrecognized_keys':
      return `Unexpected field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
    default:
      return 'This value is not valid.';
  }
};

z.config({ customError: plainErrorMap });
