import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '../common/errors';
import { primeIfWhole, shownOf } from '../common/look-ahead';
import { listLimit } from '../common/page';
import { Selection } from '../common/selection';
import { labelOfId } from '../model/ids';
import type { Context } from '../server/context';
import { matchedNameOf, searchService } from './search.service';
import { SearchHit, SearchType } from './search.type';

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description: 'Full-text search over titles (alternative titles too), names, franchises, characters and genres; tolerant of case and diacritics.',
  })
  async search(
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('query', () => String, { description: 'What a person typed, up to 200 characters; the last word also matches as a prefix.' }) query: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Only hits of these kinds; every kind when not given.' }) types?: SearchType[],
    @Arg('first', () => Int, { nullable: true, description: 'How many hits: 0 to 100; 10 when not given.' }) first?: number,
  ): Promise<SearchHit[]> {
    const limit = listLimit(first, 10);
    if (query.length > 200) throw badInput(`query is ${query.length} characters long; at most 200 are searched`, 'query');
    const shown = shownOf(info.schema, Selection.of(info).all('entity').map((use) => use.selection));
    const rows = await searchService.search(db, query, types ?? null, limit, shown);
    // Primed so that nested fields asking for the same entity again find it loaded; a film or
    // person read in part serves only its hit.
    const found = rows.filter((row) => row.entity !== null);
    for (const row of found) {
      const label = labelOfId(row.id)!;
      primeIfWhole(loaders.byLabel[label], label === 'Film' || label === 'Person' ? shown[label] ?? 'all' : 'all', [row.entity]);
    }
    return found.map((row) => ({ entity: row.entity, score: row.score, matchedName: matchedNameOf(query, row.names) }));
  }
}
