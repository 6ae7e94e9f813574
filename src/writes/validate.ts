import { isIsoDate } from '../model/dates';
import { Label } from '../model/graph';
import { labelOfId } from '../model/ids';
import { userError, UserError } from './user-error';

/**
 * The checks of input values, each giving a user error that names the field. A Checks collects
 * every failure of one input, so a client fixes them all in one round.
 */
export const FIRST_FILM_YEAR = 1870;
export const MAX_NAME_LENGTH = 300;
export const MAX_TEXT_LENGTH = 20_000;

export class Checks {
  readonly errors: UserError[] = [];

  fail(path: (string | number)[], message: string, code: UserError['code'] = 'INVALID'): void {
    this.errors.push(userError(code, path, message));
  }

  /** A required name or title: present, not blank, not too long. `undefined` passes (left out). */
  name(path: string, value: string | null | undefined, what: string): void {
    if (value === undefined) return;
    if (value === null || value.trim() === '') this.fail([path], `${what} must not be empty`);
    else if (value.length > MAX_NAME_LENGTH) this.fail([path], `${what} is ${value.length} characters long; at most ${MAX_NAME_LENGTH} are allowed`);
  }

  text(path: string, value: string | null | undefined, what: string, max = MAX_TEXT_LENGTH): void {
    if (value === undefined || value === null) return;
    if (value.length > max) this.fail([path], `${what} is ${value.length} characters long; at most ${max} are allowed`);
  }

  names(path: string, values: readonly string[] | null | undefined, what: string): void {
    values?.forEach((value, i) => {
      if (value.trim() === '') this.fail([path, i], `${what} must not be empty`);
      else if (value.length > MAX_NAME_LENGTH) this.fail([path, i], `${what} is ${value.length} characters long; at most ${MAX_NAME_LENGTH} are allowed`);
    });
  }

  /** A year of film history: from 1870 (the first moving pictures) to five years ahead (announced films). */
  year(path: string, value: number | null | undefined, what = 'year'): void {
    if (value === undefined || value === null) return;
    const last = new Date().getUTCFullYear() + 5;
    if (!Number.isInteger(value) || value < FIRST_FILM_YEAR || value > last) this.fail([path], `${what} must be a year from ${FIRST_FILM_YEAR} to ${last}; got ${value}`);
  }

  date(path: string, value: string | null | undefined): void {
    if (value === undefined || value === null) return;
    if (!isIsoDate(value)) this.fail([path], `${path} must be a calendar date written YYYY-MM-DD; got "${value}"`);
    else this.year(path, Number(value.slice(0, 4)), `the year of ${path}`);
  }

  positive(path: string, value: number | null | undefined, what: string): void {
    if (value === undefined || value === null) return;
    if (!Number.isInteger(value) || value <= 0) this.fail([path], `${what} must be a whole number above 0; got ${value}`);
  }

  /** An id given for an entity of `label`: the right kind of id (which entity it names is the transaction's to check). */
  id(path: (string | number)[], value: string | null | undefined, label: Label): void {
    if (value === undefined || value === null) return;
    if (labelOfId(value) !== label) this.fail(path, `${path.join('.')} must be the id of a ${label}; "${value}" is not one`);
  }

  imdbId(path: string, value: string | null | undefined, prefix: 'tt' | 'nm'): void {
    if (value === undefined || value === null) return;
    if (!new RegExp(`^${prefix}\\d{7,10}$`).test(value)) this.fail([path], `${path} must look like "${prefix}0000000" (IMDb's ${prefix === 'tt' ? 'title' : 'name'} id); got "${value}"`);
  }

  url(path: string, value: string | null | undefined): void {
    if (value === undefined || value === null) return;
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      ok = false;
    }
    if (!ok) this.fail([path], `${path} must be an http or https address; got "${value.slice(0, 100)}"`);
  }
}
