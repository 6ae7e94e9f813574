import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Identifiers of the same entity in public catalogues.' })
export class ExternalIds {
  @Field(() => String, { nullable: true, description: 'IMDb id: tt… for titles, nm… for names.' })
  imdb!: string | null;

  @Field(() => String, { nullable: true, description: 'The Movie Database id (a number, as text).' })
  tmdb!: string | null;

  @Field(() => String, { nullable: true, description: 'Wikidata item, Q…' })
  wikidata!: string | null;
}

export function externalIdsOf(node: { imdbId?: string | null; tmdbId?: string | null; wikidataId?: string | null }): ExternalIds {
  return { imdb: node.imdbId ?? null, tmdb: node.tmdbId ?? null, wikidata: node.wikidataId ?? null };
}
