import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode, valueFromASTUntyped } from 'graphql';

/**
 * What a request asks of the field being resolved, read ahead of execution so one Cypher query
 * can fetch a whole page instead of one per nested field. Fragments are merged and type
 * conditions ignored: asking for too much only fetches a little more, never a wrong answer,
 * because the nested resolvers still run and read what was fetched.
 */
export class Selection {
  private constructor(
    private readonly fields: Map<string, { args: Record<string, unknown>; selection: Selection }[]>,
  ) {}

  static of(info: GraphQLResolveInfo): Selection {
    return Selection.from(info.fieldNodes, info);
  }

  private static from(nodes: readonly FieldNode[], info: GraphQLResolveInfo): Selection {
    const byName = new Map<string, FieldNode[]>();
    const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
      for (const node of set?.selections ?? []) {
        if (node.kind === Kind.FIELD) {
          byName.set(node.name.value, [...(byName.get(node.name.value) ?? []), node]);
        } else if (node.kind === Kind.INLINE_FRAGMENT) {
          visit(node.selectionSet, seen);
        } else if (!seen.has(node.name.value)) {
          seen.add(node.name.value);
          visit(info.fragments[node.name.value]?.selectionSet, seen);
        }
      }
    };
    for (const node of nodes) visit(node.selectionSet, new Set());
    const fields = new Map<string, { args: Record<string, unknown>; selection: Selection }[]>();
    for (const [name, fieldNodes] of byName) {
      fields.set(
        name,
        fieldNodes.map((node) => ({
          args: Object.fromEntries((node.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, info.variableValues)])),
          selection: Selection.from([node], info),
        })),
      );
    }
    return new Selection(fields);
  }

  has(name: string): boolean {
    return this.fields.has(name);
  }

  /** The selections of `name` under every alias, with each alias's arguments. */
  all(name: string): { args: Record<string, unknown>; selection: Selection }[] {
    return this.fields.get(name) ?? [];
  }

  /** The fields asked for here, aliases merged. */
  names(): string[] {
    return [...this.fields.keys()];
  }

  /** The selections of `name` at any depth below this point, under every alias. */
  allBelow(name: string): Selection[] {
    const found: Selection[] = [];
    for (const [field, uses] of this.fields) {
      for (const use of uses) {
        if (field === name) found.push(use.selection);
        found.push(...use.selection.allBelow(name));
      }
    }
    return found;
  }

  /** Whether `name` is asked for at any depth below this point. */
  reaches(name: string): boolean {
    for (const [field, uses] of this.fields) {
      if (field === name || uses.some((use) => use.selection.reaches(name))) return true;
    }
    return false;
  }

  /** Whether any of `names` is asked for here with a sub-selection that reaches `nested`. */
  reachesThrough(names: string[], nested: string): boolean {
    return names.some((name) => this.all(name).some((use) => use.selection.reaches(nested)));
  }
}
