/**
 * Expected failures of a mutation, as values: the payload's `userErrors`. `field` is the path in
 * the input (["input", "billingOrder"], ["input", "genres", "2"]); empty for the input as a whole.
 */
export type UserErrorCode = 'INVALID' | 'NOT_FOUND' | 'TAKEN' | 'STALE' | 'CONFLICT';

export interface UserError {
  field: string[];
  message: string;
  code: UserErrorCode;
}

/** Thrown inside a mutation's work to roll its transaction back and answer these errors instead. */
export class Rejection extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.message).join('; '));
    this.name = 'Rejection';
  }
}

/** A user error on `input.<path…>`. */
export function userError(code: UserErrorCode, path: (string | number)[], message: string): UserError {
  return { field: path.length === 0 ? [] : ['input', ...path.map(String)], code, message };
}

/** Rolls the mutation back with one user error. */
export function reject(code: UserErrorCode, path: (string | number)[], message: string): never {
  throw new Rejection([userError(code, path, message)]);
}

/** Rolls back with every error found, when there is any: validation reports all its findings at once. */
export function rejectAll(errors: UserError[]): void {
  if (errors.length > 0) throw new Rejection(errors);
}
