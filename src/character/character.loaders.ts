import { keyLoader } from '../common/batch';
import { lookup } from '../common/lookup';
import { Database } from '../db/database';
import { characterProjection } from '../model/named';
import { Character } from './character.type';

export function characterLoaders(db: Database) {
  return {
    characterById: keyLoader((ids) => lookup<Character>(db, 'Character', 'id', ids, characterProjection)),
    characterBySlug: keyLoader((slugs) => lookup<Character>(db, 'Character', 'slug', slugs, characterProjection)),
  };
}
