/**
 * A set of IMDb id numbers (the 2911666 of tt2911666) as a paged bitset. The importer keeps a few
 * of these (titles seen, films imported, people needed, people written) so later files can be
 * checked against earlier ones without holding any rows.
 *
 * Memory follows the id range, not the number of rows: a page of 65,536 ids costs 8 KB and is
 * only allocated once an id in it is added. IMDb's ids today run to about tt37,000,000 and
 * nm17,000,000, so a full title set is about 4.5 MB and a full name set about 2 MB, however many
 * rows the files hold.
 */
const PAGE_SHIFT = 16;
const PAGE_MASK = (1 << PAGE_SHIFT) - 1;
const WORDS_PER_PAGE = (1 << PAGE_SHIFT) / 32;

export class IdSet {
  private readonly pages: (Uint32Array | undefined)[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** True when the id was not in the set before. */
  add(id: number): boolean {
    const pageIndex = id >>> PAGE_SHIFT;
    let page = this.pages[pageIndex];
    if (!page) {
      page = new Uint32Array(WORDS_PER_PAGE);
      this.pages[pageIndex] = page;
    }
    const offset = id & PAGE_MASK;
    const word = offset >>> 5;
    const bit = 1 << (offset & 31);
    if ((page[word] & bit) !== 0) return false;
    page[word] |= bit;
    this.count += 1;
    return true;
  }

  has(id: number): boolean {
    const page = this.pages[id >>> PAGE_SHIFT];
    if (!page) return false;
    const offset = id & PAGE_MASK;
    return (page[offset >>> 5] & (1 << (offset & 31))) !== 0;
  }

  /** Bytes held by the pages, for the report's memory figures. */
  get bytes(): number {
    return this.pages.reduce((sum, page) => sum + (page ? page.byteLength : 0), 0);
  }
}

/** Ids above this are rejected as malformed: they would be no IMDb id, and keep pages bounded. */
const MAX_ID = 2 ** 31 - 1;

/** The number of an IMDb id with the given prefix ("tt", "nm"), or undefined when it is not one. */
export function imdbNumber(id: string, prefix: 'tt' | 'nm'): number | undefined {
  if (id.length < 3 || id.length > 14 || id.charCodeAt(0) !== prefix.charCodeAt(0) || id.charCodeAt(1) !== prefix.charCodeAt(1)) {
    return undefined;
  }
  let value = 0;
  for (let i = 2; i < id.length; i += 1) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value <= MAX_ID ? value : undefined;
}
