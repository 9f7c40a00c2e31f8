// PostgreSQL roles for the audit log (docs/audit-roles.md): the tables belong to an owner role
// that runs the migrations; the API connects as an application role that may read and write the
// other tables, and only read and append to "AuditLog" — no UPDATE, DELETE or TRUNCATE, and as it
// does not own the table it cannot drop or disable the append-only triggers.

const identifier = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain role name: ${name}`);
  return `"${name}"`;
};

/** The statements an administrator runs once (as a superuser) after the owner has migrated. */
export function auditRoleStatements(options: { owner: string; app: string; database: string }): string[] {
  const owner = identifier(options.owner);
  const app = identifier(options.app);
  const database = identifier(options.database);
  return [
    `GRANT CONNECT ON DATABASE ${database} TO ${app}`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    // everything the API does on every other table
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    // the audit log: read and append only
    `ALTER TABLE "AuditLog" OWNER TO ${owner}`,
    `REVOKE ALL ON TABLE "AuditLog" FROM ${app}`,
    `GRANT SELECT, INSERT ON TABLE "AuditLog" TO ${app}`,
    `GRANT USAGE ON SEQUENCE "AuditLog_id_seq" TO ${app}`,
  ];
}
