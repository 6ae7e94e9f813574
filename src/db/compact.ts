/**
 * Cypher as sent over Bolt: whitespace runs become one space and `//` comments go, outside
 * string literals and backquoted names. Our statements are indented template text built from
 * shared fragments; a film page is several kilobytes of it, and the driver writes a message in
 * 1,400-byte chunks, each its own socket write, so the indentation cost writes on every request.
 * Results are kept per statement text: there are only as many texts as the code can build.
 */
const compacted = new Map<string, string>();
const MAX_KEPT = 2_000;

export function compactCypher(cypher: string): string {
  const known = compacted.get(cypher);
  if (known !== undefined) return known;
  const result = compact(cypher);
  if (compacted.size >= MAX_KEPT) compacted.clear();
  compacted.set(cypher, result);
  return result;
}

function compact(cypher: string): string {
  let out = '';
  let i = 0;
  while (i < cypher.length) {
    const c = cypher[i];
    if (c === "'" || c === '"' || c === '`') {
      // A literal or a quoted name, copied as is up to its closing quote (backslash escapes skip).
      let j = i + 1;
      while (j < cypher.length && cypher[j] !== c) j += cypher[j] === '\\' && c !== '`' ? 2 : 1;
      out += cypher.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && cypher[i + 1] === '/') {
      while (i < cypher.length && cypher[i] !== '\n') i += 1;
      if (!out.endsWith(' ')) out += ' ';
    } else if (/\s/.test(c)) {
      while (i < cypher.length && /\s/.test(cypher[i])) i += 1;
      if (out.length > 0 && !out.endsWith(' ')) out += ' ';
    } else {
      out += c;
      i += 1;
    }
  }
  return out.trimEnd();
}
