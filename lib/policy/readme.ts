import { ACTIONS, PROOFS, REFUSED, type Action } from "./actions";

const cell = (text: string) => text.replace(/\|/g, "\\|");
const window = (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`);

/** The README's table of account actions, written from the action table (lib/policy/actions.test.ts keeps it current). */
export function actionsMarkdown(): string {
  const rows = (Object.values(ACTIONS) as Action[]).map((action) => {
    const endpoints = action.endpoints.map((endpoint) => `\`${endpoint.method} ${endpoint.path}\``).join("<br>");
    const limits = [
      action.limit && `${action.limit.max} per ${window(action.limit.windowSeconds)} per address`,
      action.perAccount && `${action.perAccount.max} per ${window(action.perAccount.windowSeconds)} per account (${action.perAccount.counter})`,
      action.failures && `${action.failures.max} wrong per ${window(action.failures.windowSeconds)} per account`,
    ]
      .filter(Boolean)
      .join("; ");
    const events = [action.event, ...(action.outcomes ?? [])].filter(Boolean).map((event) => `\`${event}\``).join(", ");
    const proof = PROOFS[action.proof] + (action.requiresMethod ? `, on an account with ${action.requiresMethod.replace("-", " ")}s on` : "");
    return `| ${cell(action.title)} | ${endpoints} | ${cell(proof)} | ${limits || "–"} | ${events || "–"} | ${cell(action.mail ?? "–")} |`;
  });
  const refused = Object.entries(REFUSED).map(([endpoint, why]) => `| \`${endpoint}\` | ${cell(why)} |`);
  return [
    "| action | endpoints | proof | limit | activity | mail |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "Not served (404), though better-auth has them:",
    "",
    "| endpoint | why |",
    "| --- | --- |",
    ...refused,
  ].join("\n");
}
