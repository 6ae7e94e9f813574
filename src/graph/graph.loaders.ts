import { keyLoader, objectLoader } from '../common/batch';
import { Database } from '../db/database';
import { mentionedIn, MentionedInKey, reviewMentions } from '../review/mentions.service';
import { collaborators, CollaboratorsKey } from './collaborators.service';
import { franchisePeople, FranchisePeopleKey, personFranchises } from './franchise-people.service';
import { relatedFilms, RelatedFilmsKey } from './related.service';

export function graphLoaders(db: Database) {
  return {
    collaborators: objectLoader((keys: readonly CollaboratorsKey[]) => collaborators(db, keys)),
    personFranchises: keyLoader((personIds) => personFranchises(db, personIds)),
    franchisePeople: objectLoader((keys: readonly FranchisePeopleKey[]) => franchisePeople(db, keys)),
    relatedFilms: objectLoader((keys: readonly RelatedFilmsKey[]) => relatedFilms(db, keys)),
    reviewMentions: keyLoader((reviewIds) => reviewMentions(db, reviewIds)),
    mentionedIn: objectLoader((keys: readonly MentionedInKey[]) => mentionedIn(db, keys)),
  };
}
