// Who may do what, as data (STYLE.md): a permission is "action:entity", granted per role.
// Guests (workshop join codes) have member rights in one workspace only, and may read the findings of
// the rounds that workspace's plan is built on ("read:plan-evidence") and nothing else of the council.

export const ROLES = ["owner", "facilitator", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export type Actor = Role | "guest";

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  facilitator: "Facilitator",
  member: "Co-producer (can edit)",
  viewer: "Viewer (read only)",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Manages members, roles, imports and everything else.",
  facilitator: "Runs workshops: join codes, focus, timer, voting; imports results.",
  member: "Co-produces actions and updates progress.",
  viewer: "Can read results and plans but not change them.",
};

const PERMISSIONS = [
  "read:council",
  "read:round",
  "read:plan-evidence",
  "create:round",
  "manage:round",
  "share:round",
  "read:workspace",
  "create:workspace",
  "manage:workspace",
  "edit:workspace",
  "facilitate:workspace",
  "manage:joincode",
  "export:plan",
  "publish:plan",
  "read:members",
  "manage:members",
  "read:audit",
  "manage:benchmark",
  "manage:collection",
  "read:hearback",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["read:council", "read:round", "read:plan-evidence", "read:workspace", "read:members"];
const EDIT: Permission[] = [...READ, "edit:workspace", "export:plan"];
const FACILITATE: Permission[] = [...EDIT, "create:round", "manage:round", "create:workspace", "manage:workspace", "facilitate:workspace", "manage:joincode", "manage:benchmark", "publish:plan", "manage:collection"];

const GRANTS: Record<Actor, ReadonlySet<Permission>> = {
  owner: new Set(PERMISSIONS),
  facilitator: new Set(FACILITATE),
  member: new Set(EDIT),
  viewer: new Set(READ),
  guest: new Set<Permission>(["read:workspace", "edit:workspace", "read:plan-evidence"]),
};

/** True when someone with this role (or a guest) holds the permission. */
export function can(actor: Actor, permission: Permission): boolean {
  return GRANTS[actor].has(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

// An archived plan is kept for the record: people who could read or export it still can; nobody changes it.
const ALLOWED_WHEN_ARCHIVED: ReadonlySet<Permission> = new Set<Permission>([...READ, "export:plan"]);

/** Like can(), for something inside one plan: an archived plan allows only reading and exporting. */
export function canInPlan(actor: Actor, permission: Permission, plan: { archived: boolean }): boolean {
  return can(actor, permission) && (!plan.archived || ALLOWED_WHEN_ARCHIVED.has(permission));
}
