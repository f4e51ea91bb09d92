import type { CurrentMember } from "@lotbridge/auth/current-member";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { listOrganizationKeys } from "@/integration/organization-keys";
import { portal } from "@/server/portal";
import { IssueOrganizationKeyForm, RevokeOrganizationKeyButton } from "./organization-key-actions";

/**
 * The organization's own API keys (its ERP, its weighbridge), for its admins: who holds which key, when it was last
 * used, and a way to issue and revoke them. Nothing for anyone else: a member who is not an admin sees no section.
 */
export async function OrganizationKeys({ me, standalone = false }: { me: CurrentMember; standalone?: boolean }) {
  const timeZone = await readViewerTimeZone();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, timeZone) : "never");
  if (me.role !== "admin") return null;
  const keys = await listOrganizationKeys(portal().db, me);
  const section = (
    <article className="card stack" aria-labelledby="organization-keys-heading">
      <h2 id="organization-keys-heading">Your organization's API keys</h2>
      <p className="muted">
        For your own systems (an ERP, a weighbridge): they create, edit, publish, close and cancel your lots and read
        the bids and contracts on them, as your organization. Send the key as <code>X-API-Key</code>; see the
        integration guide, "Buyer organization keys".
      </p>
      {keys.length === 0 ? (
        <p>No keys yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Key</th>
              <th>Scopes</th>
              <th>Created</th>
              <th>Last used</th>
              <th>State</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.scopes.join(", ")}</td>
                <td>{when(key.createdAt)}</td>
                <td>{when(key.lastUsedAt)}</td>
                <td>{key.revokedAt ? `revoked ${when(key.revokedAt)}` : "active"}</td>
                <td>{!key.revokedAt && <RevokeOrganizationKeyButton id={key.id} name={key.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <IssueOrganizationKeyForm />
    </article>
  );
  // An admin who is no operator gets the page with this section alone.
  return standalone ? (
    <section className="stack">
      <h1>Integrations</h1>
      {section}
    </section>
  ) : (
    section
  );
}
