import { EntityLink } from './EntityLink';
import type { EntityRef } from '../entities';

export interface MentionData {
  text: string;
  entity: EntityRef;
}

interface Span {
  start: number;
  end: number;
  entity: EntityRef;
}

/**
 * Where each mention's words first stand in the text. The API gives the words, not their offsets,
 * so they are found again here: exactly as written first, ignoring case second (the API matches
 * case-insensitively); longer words first, so "John Wick: Chapter 4" is not cut short by "John Wick";
 * and never overlapping a span already taken.
 */
export function mentionSpans(body: string, mentions: MentionData[]): Span[] {
  const spans: Span[] = [];
  const seen = new Set<string>();
  const lower = body.toLowerCase();
  const byLength = [...mentions].sort((a, b) => b.text.length - a.text.length);
  const free = (start: number, end: number) => spans.every((s) => end <= s.start || start >= s.end);
  for (const mention of byLength) {
    const key = `${mention.text}\u0000${mention.entity.id}`;
    if (seen.has(key) || mention.text.length === 0) continue;
    seen.add(key);
    for (const haystack of [body, lower]) {
      const needle = haystack === body ? mention.text : mention.text.toLowerCase();
      let at = haystack.indexOf(needle);
      while (at >= 0 && !(isWordEdge(body, at - 1) && isWordEdge(body, at + needle.length) && free(at, at + needle.length))) {
        at = haystack.indexOf(needle, at + 1);
      }
      if (at >= 0) {
        spans.push({ start: at, end: at + needle.length, entity: mention.entity });
        break;
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function isWordEdge(text: string, index: number): boolean {
  return index < 0 || index >= text.length || !/[\p{L}\p{N}]/u.test(text[index]);
}

/** A review's text with the first occurrence of each mention linked to the entity it names. */
export function ReviewBody({ body, mentions }: { body: string; mentions: MentionData[] }) {
  const spans = mentionSpans(body, mentions);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push(body.slice(at, span.start));
    parts.push(
      <EntityLink key={span.start} entity={span.entity}>
        {body.slice(span.start, span.end)}
      </EntityLink>,
    );
    at = span.end;
  }
  parts.push(body.slice(at));
  return <p className="review-body">{parts}</p>;
}
