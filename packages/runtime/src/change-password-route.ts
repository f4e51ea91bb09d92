import type { Auth } from "@lotbridge/auth/create-auth";
import type { CurrentMember } from "@lotbridge/auth/current-member";
import { passwordChangeSchema } from "@lotbridge/contract/password-change";
import { DomainError } from "@lotbridge/contract/problem";
import type { RouteHandler, WrappedRoute } from "@lotbridge/http/create-route";
import { readJson } from "@lotbridge/http/read-json";

export interface ChangePasswordRouteOptions {
  portal: () => { auth: Auth };
  requireMember: (request: Request) => Promise<CurrentMember>;
  route: <P = Record<string, string>>(handler: RouteHandler<P>) => WrappedRoute<P>;
}

/**
 * `POST /api/account/password` (session): the signed-in user replaces their password. Every other session of the
 * user ends; this browser gets a fresh session cookie. A wrong current password is a 422 on that field.
 */
export function createChangePasswordRoute({ portal, requireMember, route }: ChangePasswordRouteOptions) {
  return route(async (request) => {
    await requireMember(request);
    const { currentPassword, newPassword } = await readJson(request, passwordChangeSchema);
    const answer = await portal().auth.api.changePassword({
      body: { currentPassword, newPassword, revokeOtherSessions: true },
      headers: request.headers,
      asResponse: true,
    });
    if (!answer.ok) {
      const { code } = (await answer.json().catch(() => ({}))) as { code?: string };
      if (code === "INVALID_PASSWORD") {
        throw new DomainError("validation", 422, "currentPassword: is not your current password", [
          { field: "currentPassword", message: "is not your current password" },
        ]);
      }
      throw new DomainError("password-not-changed", 400, "The password was not changed; sign in again and retry.");
    }
    const response = Response.json({ changed: true });
    for (const cookie of answer.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
    return response;
  });
}
