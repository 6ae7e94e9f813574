import { keyLoader, objectLoader } from '../common/batch';
import { Database } from '../db/database';
import { MentionedInKey, mentionService } from './mention.service';

export function mentionLoaders(db: Database) {
  return {
    reviewMentions: keyLoader((reviewIds) => mentionService.ofReviews(db, reviewIds)),
    mentionedIn: objectLoader((keys: readonly MentionedInKey[]) => mentionService.mentionedIn(db, keys)),
  };
}
