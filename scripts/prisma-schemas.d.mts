export const SOURCE: string;
export const POSTGRES: string;
export function postgresSchema(sqliteSchema: string): string;
