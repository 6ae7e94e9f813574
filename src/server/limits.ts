import {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLField,
  GraphQLList,
  GraphQLNonNull,
  GraphQLOutputType,
  isCompositeType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  GraphQLCompositeType,
  isObjectType,
  isInterfaceType,
  valueFromAST,
} from 'graphql';
import { ErrorCode, ReelgraphError } from '../common/errors';

/**
 * Two validation rules that bound what one query may ask of the graph before any Cypher runs:
 * depth (no query can walk person → roles → film → cast → person … without end) and cost (wide
 * pages nested in wide pages). Introspection (`__schema`, `__type`) is not counted: GraphiQL's
 * own introspection query is deeper than any real one.
 */

/** What one item of a field costs before its children: traversals are dearer than lookups. */
export const FIELD_COST: Record<string, number> = {
  shortestPath: 500,
  allShortestPaths: 1000,
  related: 50,
  collaborators: 50,
  search: 20,
};

/** The number of items assumed for a list without `first` (a film's cast, a franchise's entries). */
export const DEFAULT_LIST_SIZE = 10;

function isListType(type: GraphQLOutputType): boolean {
  const inner = type instanceof GraphQLNonNull ? type.ofType : type;
  return inner instanceof GraphQLList;
}

function collectDefinitions(context: ValidationContext): { operations: OperationDefinitionNode[]; fragments: Map<string, FragmentDefinitionNode> } {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return { operations, fragments };
}

export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Document: {
      leave() {
        const { operations, fragments } = collectDefinitions(context);
        const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
          if (!set) return 0;
          let deepest = 0;
          for (const selection of set.selections) {
            if (selection.kind === Kind.FIELD) {
              if (selection.name.value.startsWith('__')) continue;
              deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1);
            } else if (selection.kind === Kind.INLINE_FRAGMENT) {
              deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
            } else {
              const name = selection.name.value;
              const fragment = fragments.get(name);
              // A fragment that spreads itself is reported by graphql-js's own rules.
              if (!fragment || seen.has(name)) continue;
              deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set(seen).add(name)));
            }
          }
          return deepest;
        };
        for (const operation of operations) {
          const depth = depthOf(operation.selectionSet, new Set());
          if (depth > maxDepth) {
            context.reportError(
              new ReelgraphError(
                ErrorCode.QUERY_TOO_DEEP,
                `The query is ${depth} levels deep; at most ${maxDepth} are allowed (MAX_QUERY_DEPTH). Ask for fewer nested levels, or start a second query from the entities at the edge.`,
                { depth, maxDepth },
              ),
            );
          }
        }
      },
    },
  });
}

/**
 * Cost: each field costs its FIELD_COST (1 by default) plus its children's cost times the number
 * of items it returns: `first` where the field takes one (20 when not given), else DEFAULT_LIST_SIZE
 * for lists, else 1.
 */
export function costLimitRule(maxCost: number, variables: () => Record<string, unknown> = () => ({})) {
  return (context: ValidationContext): ASTVisitor => ({
    Document: {
      leave() {
        const { operations, fragments } = collectDefinitions(context);
        const schema = context.getSchema();
        const fieldsOf = (type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> =>
          isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};

        const costOf = (set: SelectionSetNode | undefined, parent: GraphQLCompositeType, seen: Set<string>): number => {
          if (!set) return 0;
          let total = 0;
          for (const selection of set.selections) {
            if (selection.kind === Kind.FIELD) {
              total += fieldCost(selection, parent, seen);
            } else if (selection.kind === Kind.INLINE_FRAGMENT) {
              const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
              total += costOf(selection.selectionSet, type ?? parent, seen);
            } else {
              const fragment = fragments.get(selection.name.value);
              if (!fragment || seen.has(fragment.name.value)) continue;
              const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
              total += costOf(fragment.selectionSet, type ?? parent, new Set(seen).add(fragment.name.value));
            }
          }
          return total;
        };

        const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, seen: Set<string>): number => {
          const name = node.name.value;
          if (name.startsWith('__')) return 0;
          const field = fieldsOf(parent)[name];
          if (!field) return 0;
          const firstArg = node.arguments?.find((arg) => arg.name.value === 'first');
          const firstDef = field.args.find((arg) => arg.name === 'first');
          // A connection's edges and nodes are the page its `first` already counted.
          const inPage = parent.name.endsWith('Connection');
          let items = isListType(field.type) && !inPage ? DEFAULT_LIST_SIZE : 1;
          if (firstDef) {
            const value = firstArg ? valueFromAST(firstArg.value, firstDef.type, variables()) : undefined;
            items = typeof value === 'number' && value >= 0 ? value : 20;
          }
          const named = getNamedType(field.type);
          const children = node.selectionSet && isCompositeType(named) ? costOf(node.selectionSet, named, seen) : 0;
          return (FIELD_COST[name] ?? 1) + items * children;
        };

        const root = schema.getQueryType();
        if (!root) return;
        for (const operation of operations) {
          const cost = costOf(operation.selectionSet, root, new Set());
          if (cost > maxCost) {
            context.reportError(
              new ReelgraphError(
                ErrorCode.QUERY_TOO_COMPLEX,
                `The query would cost ${cost} units; at most ${maxCost} are allowed (MAX_QUERY_COST). Ask for smaller pages (first) or fewer nested lists.`,
                { cost, maxCost },
              ),
            );
          }
        }
      },
    },
  });
}
