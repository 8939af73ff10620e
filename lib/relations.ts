import "server-only";
import { booleanOf, dateOf, provider, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

type Model = Prisma.ModelName;
type Scalars<M extends Model> = Prisma.TypeMap["model"][M]["payload"]["scalars"];

// How a column comes back out of JSON: dates as text, booleans as SQLite's 0 and 1. The kind is
// required exactly where the model's type needs it, so a column cannot be read back as the wrong type.
type Kind<V> = [V] extends [Date | null] ? "date" : [V] extends [boolean | null] ? "boolean" : true;
type Columns<M extends Model> = { [K in keyof Scalars<M>]?: Kind<Scalars<M>[K]> };

/**
 * A list of one person's rows that pages and the API show: which table, which rows (the owner and
 * `where`), which columns and in what order. Each list is written once, beside the code that shows
 * it, and read by `readRelations`, alone or with others in one statement.
 */
export type Relation<M extends Model = Model, C extends Columns<M> = Columns<M>> = {
  model: M;
  table: string;
  /** The column naming the person the rows belong to. */
  owner: keyof Scalars<M> & string;
  columns: C;
  /** What a row must also be, built when the query runs (so "now" is now). Columns unqualified. */
  where?: () => Prisma.Sql;
  orderBy: readonly (readonly [keyof C & string, "ASC" | "DESC"])[];
};

export const relation = <M extends Model, const C extends Columns<M>>(spec: Relation<M, C>) => spec;

/** The relation's columns as a Prisma `select`, for reading one row of it by id. */
export const selectOf = <M extends Model, C extends Columns<M>>({ columns }: Relation<M, C>) =>
  Object.fromEntries(Object.keys(columns).map((column) => [column, true])) as { [K in keyof C]: true };

export type RowOf<R> = R extends Relation<infer M, infer C> ? { [K in keyof C & keyof Scalars<M>]: Scalars<M>[K] } : never;

type AnyRelation = Omit<Relation, "owner" | "columns" | "orderBy"> & {
  owner: string;
  columns: Record<string, true | "date" | "boolean">;
  orderBy: readonly (readonly [string, "ASC" | "DESC"])[];
};

/** A relation to read, all of it or one page (`limit` rows after `offset`). */
export type Read = { relation: AnyRelation; limit?: number; offset?: number };

const quoted = (name: string) => `"${name}"`;

/** Whose rows: an id, or a column of the statement the lists are part of. */
type Owner = string | Prisma.Sql;

function rows({ relation, limit, offset = 0 }: Read, owner: Owner): Prisma.Sql {
  const columns = Object.keys(relation.columns).map(quoted).join(", ");
  const order = relation.orderBy.map(([column, direction]) => `${quoted(column)} ${direction}`).join(", ");
  return Prisma.sql`SELECT ${Prisma.raw(columns)} FROM ${Prisma.raw(quoted(relation.table))}
    WHERE ${Prisma.raw(quoted(relation.owner))} = ${owner}${relation.where ? Prisma.sql` AND (${relation.where()})` : Prisma.empty}
    ORDER BY ${Prisma.raw(order)}${limit === undefined ? Prisma.empty : Prisma.sql` LIMIT ${limit} OFFSET ${offset}`}`;
}

/** The rows as one JSON array, in their order; `[]` when there are none. */
function jsonArray(read: Read, owner: Owner): Prisma.Sql {
  const { columns, orderBy } = read.relation;
  const fields = Object.keys(columns)
    .map((column) => `'${column}', "r".${quoted(column)}`)
    .join(", ");
  const order = orderBy.map(([column, direction]) => `"r".${quoted(column)} ${direction}`).join(", ");
  const array =
    provider === "postgresql" ? `COALESCE(json_agg(json_build_object(${fields}) ORDER BY ${order}), '[]')` : `json_group_array(json_object(${fields}) ORDER BY ${order})`;
  return Prisma.sql`(SELECT ${Prisma.raw(array)} FROM (${rows(read, owner)}) AS "r")`;
}

function decode({ columns }: AnyRelation, value: unknown): Record<string, unknown>[] {
  const list = (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>[];
  const kinds = Object.entries(columns).filter(([, kind]) => kind !== true);
  for (const row of list) {
    for (const [column, kind] of kinds) {
      row[column] = kind === "date" ? dateOf(row[column]) : booleanOf(row[column]);
    }
  }
  return list;
}

export type Lists<T extends Record<string, Read>> = { [K in keyof T]: RowOf<T[K]["relation"]>[] };

/** The relations as columns of a statement, one JSON array each, named as in `reads`. */
export function relationColumns(reads: Record<string, Read>, owner: Owner): Prisma.Sql {
  return Prisma.join(Object.entries(reads).map(([name, read]) => Prisma.sql`${jsonArray(read, owner)} AS ${Prisma.raw(quoted(name))}`));
}

/** Those columns of a row read back as the rows Prisma would return for each relation. */
export function decodeRelations<const T extends Record<string, Read>>(reads: T, row: Record<string, unknown>): Lists<T> {
  return Object.fromEntries(Object.entries(reads).map(([name, read]) => [name, decode(read.relation, row[name])])) as Lists<T>;
}

/**
 * Several of one person's relations in one statement, each as the rows Prisma would return for it.
 * A raw read, as Prisma's query builder compiles every query anew on every request (its largest cost
 * on a page after React) and, on SQLite, reads each relation in a statement of its own.
 */
export async function readRelations<const T extends Record<string, Read>>(ownerId: string, reads: T): Promise<Lists<T>> {
  const [row] = await readRows(Prisma.sql`SELECT ${relationColumns(reads, ownerId)}`);
  return decodeRelations(reads, row!);
}

/** One relation by itself, in one statement. */
export async function readRelation<const R extends Read>(ownerId: string, read: R): Promise<RowOf<R["relation"]>[]> {
  return (await readRelations(ownerId, { rows: read })).rows;
}
