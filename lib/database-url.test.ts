import { describe, expect, it } from "vitest";
import { databaseProvider } from "./database-url";

describe("databaseProvider", () => {
  it("runs PostgreSQL URLs on PostgreSQL, in either spelling", () => {
    expect(databaseProvider("postgres://bastion:secret@127.0.0.1:5432/bastion")).toBe("postgresql");
    expect(databaseProvider("postgresql://bastion@db.example.com/bastion?sslmode=require")).toBe("postgresql");
    expect(databaseProvider("POSTGRES://bastion@localhost/bastion")).toBe("postgresql");
  });

  it("runs local files and remote libSQL servers (Turso) on SQLite", () => {
    expect(databaseProvider("file:./data/bastion.db")).toBe("sqlite");
    expect(databaseProvider("file:///var/lib/bastion/bastion.db")).toBe("sqlite");
    expect(databaseProvider("libsql://bastion-acme.turso.io")).toBe("sqlite");
  });

  it("refuses anything else instead of guessing", () => {
    expect(() => databaseProvider("mysql://root@localhost/bastion")).toThrow(/DATABASE_URL must start with/);
    expect(() => databaseProvider("./data/bastion.db")).toThrow(/DATABASE_URL must start with/);
  });
});
