import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { ViewerType } from './viewer.type';

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'Who this request is, by its credentials: a READER with no name without them. Bad credentials are an UNAUTHENTICATED error.' })
  viewer(@Ctx() context: Context): Promise<ViewerType> {
    return context.viewer();
  }
}
