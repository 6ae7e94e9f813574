import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '../common/errors';
import { labelOfId } from '../common/ids';
import { listLimit } from '../common/page';
import { Context } from '../server/context';
import { searchService } from './search.service';
import { SearchHit, SearchType } from './search.type';

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description: 'Full-text search over titles (alternative titles too), names, franchises, characters and genres; tolerant of case and diacritics.',
  })
  async search(
    @Ctx() { db, loaders }: Context,
    @Arg('query', () => String) query: string,
    @Arg('types', () => [SearchType], { nullable: true }) types?: SearchType[],
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<SearchHit[]> {
    const limit = listLimit(first, 10);
    if (query.length > 200) throw badInput(`query is ${query.length} characters long; at most 200 are searched`, 'query');
    const rows = await searchService.search(db, query, types ?? null, limit);
    // Primed so that nested fields asking for the same entity again find it loaded.
    const found = rows.filter((row) => row.entity !== null);
    for (const row of found) loaders.byLabel[labelOfId(row.id)!].prime(row.id, row.entity);
    return found.map((row) => ({ entity: row.entity, score: row.score }) as SearchHit);
  }
}
