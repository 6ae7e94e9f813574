import { EntityLink } from './EntityLink';
import type { EntityRef } from '../entities';

export interface MentionData {
  text: string;
  /** Where the words stand in the body (body.slice(start, end) is text), as the API gives it. */
  start: number;
  end: number;
  entity: EntityRef;
}

interface Span {
  start: number;
  end: number;
  entity: EntityRef;
}

/**
 * The mentions as spans of the text, where the API says they are, in order; a span that does not
 * hold its words (a body edited since it was linked) or overlaps an earlier one is left unlinked.
 */
export function mentionSpans(body: string, mentions: MentionData[]): Span[] {
  const spans: Span[] = [];
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    const { start, end } = mention;
    if (body.slice(start, end) !== mention.text || end <= start) continue;
    if (spans.length > 0 && start < spans[spans.length - 1].end) continue;
    spans.push({ start, end, entity: mention.entity });
  }
  return spans;
}

/** A review's text with each mention linked, in place, to the entity it names. */
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
