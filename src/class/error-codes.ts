// Why the class server says no, as a code: the learner's katarun words it in the learner's
// language (strings-class-*.ts, `class.error.<code>`). The reply keeps its HTTP status and an
// English `error` text for older clients and for curl; `code` (and `limit` where a number
// belongs to the sentence) is what a client translates.

export const CLASS_ERROR_CODES = [
  'full',
  'wrongCode',
  'taken',
  'unknownLearner',
  'tooManyJoins',
  'tooManyRequests',
  'invalid',
  'token',
  'notFound',
  'wrongHost',
  'crossSite',
  'notJsonType',
  'tooLarge',
  'notJson',
  'internal',
] as const;

export type ClassErrorCode = (typeof CLASS_ERROR_CODES)[number];

export function isClassErrorCode(value: unknown): value is ClassErrorCode {
  return typeof value === 'string' && (CLASS_ERROR_CODES as readonly string[]).includes(value);
}
