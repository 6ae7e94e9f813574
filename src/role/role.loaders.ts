import { keyLoader } from '../common/batch';
import { Database } from '../db/database';
import { roleService } from './role.service';

export function roleLoaders(db: Database) {
  return {
    roleById: keyLoader((ids) => roleService.byIds(db, ids)),
    portrayals: keyLoader((characterIds) => roleService.portrayals(db, characterIds)),
  };
}
