import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { organization } from "better-auth/plugins";
import { eq } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { CLIENT_ADDRESS_HEADER, withClientAddress } from "./client-address";
import { guardAuthDatabase } from "./guard-auth-database";
import { authTables, member } from "./tables";

export interface AuthOptions {
  // biome-ignore lint/suspicious/noExplicitAny: each portal passes its own schema-typed database
  db: NodePgDatabase<any>;
  appName: string;
  baseURL: string;
  secret: string;
  /** Distinct per portal: browsers do not separate cookies by port, so two portals on localhost would share them. */
  cookiePrefix: string;
  /** Proxies (IPs or CIDRs) whose X-Forwarded-For names the client (TRUSTED_PROXIES); empty: the socket address. */
  trustedProxies?: readonly string[];
  /** Sign-in attempts allowed per client address per minute. */
  signInAttemptsPerMinute?: number;
  /** Where better-auth's own warnings go (the portal's logger), instead of the console. */
  log?: (level: string, message: string) => void;
}

/**
 * Passwords (scrypt), sessions in httpOnly cookies, organizations with admin/member roles, and sign-in
 * rate limiting kept in the database so several instances share one count.
 * Accounts are created by an organization's admin or the seed, never by self sign-up.
 */
export function createAuth(options: AuthOptions) {
  const { db, trustedProxies = [] } = options;
  const guarded = guardAuthDatabase(drizzleAdapter(db, { provider: "pg", schema: authTables }));
  const auth = betterAuth({
    appName: options.appName,
    baseURL: options.baseURL,
    secret: options.secret,
    database: guarded.database,
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    // Its own password change lets the caller keep their other sessions; /api/account/password is the one way in,
    // and it ends them (it calls auth.api directly, which disabledPaths does not cover).
    disabledPaths: ["/change-password"],
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: {
      cookiePrefix: options.cookiePrefix,
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER], trustedProxies: [...trustedProxies] },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: options.signInAttemptsPerMinute ?? 10 } },
    },
    telemetry: { enabled: false },
    logger: { level: "warn", log: (level, message) => options.log?.(level, message) },
    // An unexpected error reaches the portal's route wrapper (a logged 500 with a request id) instead of being printed
    // with its stack by better-call and answered with an empty 500. better-auth's own refusals still answer as before.
    onAPIError: { throw: true },
    plugins: [organization({ allowUserToCreateOrganization: false })],
    databaseHooks: {
      session: {
        create: {
          // Every user belongs to one organization; a new session starts in it.
          before: async (session) => {
            const [membership] = await db
              .select({ organizationId: member.organizationId })
              .from(member)
              .where(eq(member.userId, session.userId))
              .orderBy(member.createdAt)
              .limit(1);
            return { data: { ...session, activeOrganizationId: membership?.organizationId ?? null } };
          },
        },
      },
    },
  });
  // Throws a database outage better-auth met while answering, whatever it answered, for the route wrapper's 503.
  return {
    ...auth,
    handler: (request: Request) => guarded.answer(auth.handler, withClientAddress(request, trustedProxies)),
  };
}

export type Auth = ReturnType<typeof createAuth>;
