import { keyLoader, objectLoader } from '../common/batch';
import { lookup } from '../common/lookup';
import { Database } from '../db/database';
import { franchiseProjection } from '../model/named';
import { FranchisePeopleKey, franchisePeopleService } from './franchise-people.service';
import { franchiseService } from './franchise.service';
import { Franchise } from './franchise.type';

export function franchiseLoaders(db: Database) {
  return {
    franchiseById: keyLoader((ids) => lookup<Franchise>(db, 'Franchise', 'id', ids, franchiseProjection)),
    franchiseBySlug: keyLoader((slugs) => lookup<Franchise>(db, 'Franchise', 'slug', slugs, franchiseProjection)),
    franchiseParent: keyLoader((ids) => franchiseService.parents(db, ids)),
    franchiseChildren: keyLoader((ids) => franchiseService.children(db, ids)),
    franchiseEntries: keyLoader((ids) => franchiseService.entries(db, ids)),
    franchiseCharacters: keyLoader((ids) => franchiseService.characters(db, ids)),
    characterFranchise: keyLoader((characterIds) => franchiseService.ofCharacters(db, characterIds)),
    franchisePeople: objectLoader((keys: readonly FranchisePeopleKey[]) => franchisePeopleService.ofFranchises(db, keys)),
  };
}
