import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLList,
  GraphQLNonNull,
  GraphQLOutputType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  valueFromAST,
  visit,
} from 'graphql';

/**
 * What one query document asks of the server, measured before anything runs: how deep it goes
 * (no query can walk person → roles → film → cast → person … without end), what it costs (wide
 * pages nested in wide pages), and how many aliases and directives it spells out (a query of
 * 20,000 aliases of one field is cheap to write and dear to run). Introspection (`__schema`,
 * `__type`) is not counted: GraphiQL's own introspection query is deeper than any real one.
 */
export interface QueryMeasure {
  depth: number;
  cost: number;
  aliases: number;
  directives: number;
}

/** What one item of a field costs before its children: traversals are dearer than lookups. */
export const FIELD_COST: Record<string, number> = {
  shortestPath: 500,
  allShortestPaths: 1000,
  related: 50,
  collaborators: 50,
  search: 20,
};

/**
 * What one mutation adds: a write transaction with its locks, its audit trail and its feed
 * entries is about the work of a page of reads, and a budget should say so.
 */
export const MUTATION_COST = 20;

/** The number of items assumed for a list without `first` (a film's cast, a franchise's entries). */
export const DEFAULT_LIST_SIZE = 10;
/** The number of items assumed for a field whose `first` is not given. */
export const DEFAULT_FIRST = 20;

function isListType(type: GraphQLOutputType): boolean {
  const inner = type instanceof GraphQLNonNull ? type.ofType : type;
  return inner instanceof GraphQLList;
}

function definitionsOf(document: DocumentNode): { operations: OperationDefinitionNode[]; fragments: Map<string, FragmentDefinitionNode> } {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return { operations, fragments };
}

/** The operation a request runs: the one named, or the only one. */
function operationOf(operations: OperationDefinitionNode[], name: string | null | undefined): OperationDefinitionNode | undefined {
  return name ? operations.find((operation) => operation.name?.value === name) : operations.length === 1 ? operations[0] : undefined;
}

export function measureQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string | null,
): QueryMeasure {
  const { operations, fragments } = definitionsOf(document);
  const operation = operationOf(operations, operationName);
  let aliases = 0;
  let directives = 0;
  visit(document, {
    Field: (node) => {
      if (node.alias) aliases += 1;
    },
    Directive: () => {
      directives += 1;
    },
  });
  if (!operation) return { depth: 0, cost: 0, aliases, directives };
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return {
    depth: depthOf(operation.selectionSet, fragments, new Set()),
    cost: root ? costOf(schema, operation.selectionSet, root, fragments, variables, new Set()) : 0,
    aliases,
    directives,
  };
}

function depthOf(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // A fragment that spreads itself is reported by graphql-js's own rules.
      if (!fragment || seen.has(name)) continue;
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, new Set(seen).add(name)));
    }
  }
  return deepest;
}

/**
 * Cost: each field costs its FIELD_COST (1 by default) plus its children's cost times the number
 * of items it returns: `first` (or `last`, the smaller of the two) where the field takes one (DEFAULT_FIRST when not given), else
 * DEFAULT_LIST_SIZE for lists, else 1. A connection's edges and nodes are the page its `first`
 * already counted.
 */
function costOf(
  schema: GraphQLSchema,
  set: SelectionSetNode | undefined,
  parent: GraphQLCompositeType,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): number {
  if (!set) return 0;
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(schema, selection, parent, fragments, variables, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
      total += costOf(schema, selection.selectionSet, type ?? parent, fragments, variables, seen);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
      total += costOf(schema, fragment.selectionSet, type ?? parent, fragments, variables, new Set(seen).add(fragment.name.value));
    }
  }
  return total;
}

function fieldCost(
  schema: GraphQLSchema,
  node: FieldNode,
  parent: GraphQLCompositeType,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): number {
  const name = node.name.value;
  if (name.startsWith('__')) return 0;
  const fields: Record<string, GraphQLField<unknown, unknown>> = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
  const field = fields[name];
  if (!field) return 0;
  const inPage = parent.name.endsWith('Connection');
  let items = isListType(field.type) && !inPage ? DEFAULT_LIST_SIZE : 1;
  const sizeOf = (name: string): number | null => {
    const def = field.args.find((arg) => arg.name === name);
    const arg = node.arguments?.find((given) => given.name.value === name);
    const value = def && arg ? valueFromAST(arg.value, def.type, variables) : undefined;
    return typeof value === 'number' && value >= 0 ? value : null;
  };
  if (field.args.some((arg) => arg.name === 'first')) {
    // A page is at most its `first` and at most its `last` (paging backwards).
    const sizes = [sizeOf('first'), sizeOf('last')].filter((size): size is number => size !== null);
    items = sizes.length > 0 ? Math.min(...sizes) : DEFAULT_FIRST;
  }
  const named = getNamedType(field.type);
  const children = node.selectionSet && isCompositeType(named) ? costOf(schema, node.selectionSet, named, fragments, variables, seen) : 0;
  const own = parent === schema.getMutationType() ? MUTATION_COST : FIELD_COST[name] ?? 1;
  return own + items * children;
}
