// The same handlers as the profile page's /api/account/avatar: one implementation of the limits.
export { DELETE, PUT } from "@/app/api/account/avatar/route";
