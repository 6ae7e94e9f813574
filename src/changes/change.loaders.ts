import { keyLoader } from '../common/batch';
import { Database } from '../db/database';
import { changeService } from './change.service';

export function changeLoaders(db: Database) {
  return {
    changeById: keyLoader((ids) => changeService.byIds(db, ids)),
  };
}
