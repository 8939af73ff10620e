import "server-only";
import { parseSessionOutput, parseUserOutput } from "better-auth/db";
import type { auth, Session } from "@/lib/auth";
import { signInMethodReads, signInMethodsFrom, type SignInMethods } from "@/lib/account/connections";
import { booleanOf, dateOf, readRows, type Row } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeRelations, relationColumns } from "@/lib/relations";

type AuthContext = Awaited<typeof auth.$context>;
type Table = NonNullable<AuthContext["tables"][string]>;

export type SessionWithSignInMethods = Session & { signInMethods: SignInMethods };

function sessionQuery(context: AuthContext) {
  const { session, user } = context.tables as Record<"session" | "user", Table>;
  const column = (table: Table, key: string) => `"${table.fields[key]?.fieldName ?? key}"`;
  const keys = (table: Table) => ["id", ...Object.keys(table.fields)];
  const select = [...keys(session).map((key) => `"s".${column(session, key)} AS "s.${key}"`), ...keys(user).map((key) => `"u".${column(user, key)} AS "u.${key}"`)];
  const head = Prisma.raw(`SELECT ${select.join(", ")}`);
  const from = Prisma.raw(
    `FROM "${session.modelName}" AS "s" JOIN "${user.modelName}" AS "u" ON "u"."id" = "s".${column(session, "userId")} WHERE "s".${column(session, "token")} =`,
  );
  const owner = Prisma.raw(`"u"."id"`);
  // Typed as better-auth's adapters type them: the driver has dates as text, SQLite's booleans as 0/1.
  const typed = (type: unknown, value: unknown) => (type === "date" ? dateOf(value) : type === "boolean" ? booleanOf(value) : (value ?? null));
  const read = (row: Row, alias: string, table: Table) => Object.fromEntries(keys(table).map((key) => [key, typed(table.fields[key]?.type, row[`${alias}.${key}`])]));
  return async (token: string): Promise<SessionWithSignInMethods | null> => {
    const [row] = await readRows(Prisma.sql`${head}, ${relationColumns(signInMethodReads, owner)} ${from} ${token} LIMIT 1`);
    if (!row) return null;
    return {
      session: parseSessionOutput(context.options, read(row, "s", session) as Session["session"]),
      user: parseUserOutput(context.options, read(row, "u", user) as Session["user"]),
      signInMethods: signInMethodsFrom(decodeRelations(signInMethodReads, row)),
    } as SessionWithSignInMethods;
  };
}

let query: ReturnType<typeof sessionQuery> | undefined;
/**
 * The session and its user in one statement, as `internalAdapter.findSession` returns them when the
 * database is the session store, with the person's sign-in methods, which both account pages show.
 * The columns are better-auth's own tables', so a field a plugin adds comes along. A raw read
 * (`readRows`: the driver, the statement prepared once) skips Prisma's query compiler and client,
 * which cost more than the statement, for a read whose shape never changes.
 */
export const findSessionInDatabase = (context: AuthContext, token: string) => (query ??= sessionQuery(context))(token);
