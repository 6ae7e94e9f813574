import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Character } from '../character/character.type';
import { Film } from '../film/film.type';
import { Person } from '../person/person.type';
import type { Context } from '../server/context';
import { Role } from './role.type';

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Person, { description: 'Whose credit it is.' })
  person(@Root() role: Role, @Ctx() { loaders }: Context): Person | Promise<Person | null> {
    return role.person ?? loaders.personById.load(role.personId);
  }

  @FieldResolver(() => Film, { description: 'The film it is a credit on.' })
  film(@Root() role: Role, @Ctx() { loaders }: Context): Film | Promise<Film | null> {
    return role.film ?? loaders.filmById.load(role.filmId);
  }

  @FieldResolver(() => Character, { nullable: true, description: 'The recurring character played, where the graph knows it.' })
  character(@Root() role: Role, @Ctx() { loaders }: Context): Character | null | Promise<Character | null> {
    if (role.character !== undefined) return role.character;
    return role.characterId ? loaders.characterById.load(role.characterId) : null;
  }
}
