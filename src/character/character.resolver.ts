import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { exactlyOne } from '../common/args';
import { Franchise } from '../franchise/franchise.type';
import { Role } from '../role/role.type';
import type { Context } from '../server/context';
import { followingRedirects } from '../writes/redirects';
import { Character } from './character.type';

@Resolver(() => Character)
export class CharacterResolver {
  @Query(() => Character, { nullable: true, description: 'Exactly one of id, slug; null when it names none.' })
  character(
    @Ctx() { db, loaders }: Context,
    @Arg('id', () => ID, { nullable: true, description: 'Its id, as node(id:) takes it.' }) id?: string,
    @Arg('slug', () => String, { nullable: true, description: "Its slug, e.g. 'eve-macarro'." }) slug?: string,
  ): Promise<Character | null> {
    const [key, value] = exactlyOne('character', { id, slug });
    // A renamed character's old slug keeps leading to it.
    return followingRedirects(db, 'Character', key, value, (by, what) => (by === 'id' ? loaders.characterById : loaders.characterBySlug).load(what));
  }

  @FieldResolver(() => Franchise, { nullable: true, description: 'The franchise the character belongs to.' })
  franchise(@Root() character: Character, @Ctx() { loaders }: Context): Promise<Franchise | null> {
    return loaders.characterFranchise.load(character.id);
  }

  @FieldResolver(() => [Role], { description: 'Roles that play this character, in film release order.' })
  portrayals(@Root() character: Character, @Ctx() { loaders }: Context): Promise<Role[]> {
    return loaders.portrayals.load(character.id);
  }
}
