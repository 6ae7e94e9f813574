import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../model/roles';
import { ACCESS_ROLES, AccessRoleName } from './viewer';

/** The GraphQL enum of the access roles (auth/viewer.ts); a value is its name. */
export const AccessRole = enumOf(ACCESS_ROLES);
export type AccessRole = AccessRoleName;
registerEnumType(AccessRole, {
  name: 'AccessRole',
  description: 'What a request may do: READER < EDITOR < ADMIN, each role allowed all that the roles below it are.',
  valuesConfig: {
    READER: { description: 'May read (the default for requests without credentials, when reads are public).' },
    EDITOR: { description: 'May create and change films, people, credits, franchises, characters, genres and reviews.' },
    ADMIN: { description: 'May also delete and merge entities and manage API keys.' },
  },
});

@ObjectType('Viewer', { description: "Who the request's credentials belong to." })
export class ViewerType {
  @Field(() => String, { nullable: true, description: "The API key's name, or the name the identity provider's token gives; null without credentials." })
  name!: string | null;

  @Field(() => AccessRole, { description: 'What the request may do: READER without credentials.' })
  role!: AccessRole;
}
