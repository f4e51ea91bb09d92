import {
  AccountRefused,
  addMember,
  generatePassword,
  NotInOrganization,
  removeMember,
  resetMemberPassword,
} from "@lotbridge/auth/add-user";
import type { CurrentMember } from "@lotbridge/auth/current-member";
import { listTeam } from "@lotbridge/auth/list-team";
import { DomainError, forbidden, notFound } from "@lotbridge/contract/problem";
import { newTeamMemberSchema } from "@lotbridge/contract/team-member";
import type { RouteHandler, WrappedRoute } from "@lotbridge/http/create-route";
import { readJson } from "@lotbridge/http/read-json";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";

export interface TeamRoutesOptions {
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  portal: () => { db: NodePgDatabase<any> };
  requireMember: (request: Request) => Promise<CurrentMember>;
  route: <P = Record<string, string>>(handler: RouteHandler<P>) => WrappedRoute<P>;
}

const ADMINS_ONLY = "Only an admin of your organization can add, remove or reset the password of people.";

/**
 * `/api/team`: GET lists the caller's organization; POST (its admins) gives a colleague an account there and answers
 * the generated password once, for the admin to hand over (nothing else ever shows it). `/api/team/{userId}`: DELETE
 * (its admins) removes a colleague; `/api/team/{userId}/password`: POST (its admins) gives a colleague a new
 * generated password, answered once.
 */
export function createTeamRoutes({ portal, requireMember, route }: TeamRoutesOptions) {
  return {
    GET: route(async (request) => {
      const me = await requireMember(request);
      return Response.json({ data: await listTeam(portal().db, me.organizationId) });
    }),
    POST: route(async (request) => {
      const me = await requireMember(request);
      if (me.role !== "admin") throw forbidden(ADMINS_ONLY);
      const input = await readJson(request, newTeamMemberSchema);
      const password = generatePassword();
      try {
        await addMember(portal().db, me.organizationId, { ...input, password });
      } catch (error) {
        if (!(error instanceof AccountRefused)) throw error;
        throw new DomainError("email-taken", 409, error.message, [
          { field: "email", message: "already has an account" },
        ]);
      }
      const added = (await listTeam(portal().db, me.organizationId)).find(
        (person) => person.email === input.email.toLowerCase(),
      );
      return Response.json({ member: added, password }, { status: 201, headers: { "cache-control": "no-store" } });
    }),
    DELETE: route<{ userId: string }>(async (request, { params }) => {
      const me = await requireMember(request);
      if (me.role !== "admin") throw forbidden(ADMINS_ONLY);
      try {
        await removeMember(portal().db, me.organizationId, me.userId, (await params).userId);
      } catch (error) {
        if (error instanceof NotInOrganization) throw notFound("That person in your organization");
        if (error instanceof AccountRefused) throw new DomainError("cannot-remove-self", 409, error.message);
        throw error;
      }
      return new Response(null, { status: 204 });
    }),
    resetPassword: route<{ userId: string }>(async (request, { params }) => {
      const me = await requireMember(request);
      if (me.role !== "admin") throw forbidden(ADMINS_ONLY);
      const password = generatePassword();
      try {
        await resetMemberPassword(portal().db, me.organizationId, me.userId, (await params).userId, password);
      } catch (error) {
        if (error instanceof NotInOrganization) throw notFound("That person in your organization");
        if (error instanceof AccountRefused) throw new DomainError("own-password", 409, error.message);
        throw error;
      }
      return Response.json({ password }, { headers: { "cache-control": "no-store" } });
    }),
  };
}
