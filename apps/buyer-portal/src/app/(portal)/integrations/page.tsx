import { currentMember } from "@lotbridge/auth/current-member";
import { isOperator } from "@lotbridge/auth/is-operator";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { messageAttempts } from "@lotbridge/webhooks/message-attempts";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { integrationOverview } from "@/integration/integration-overview";
import { portal } from "@/server/portal";
import { ApiKeyActions, EndpointActions, NewApiKeyForm, ReplayButton } from "@/ui/integration-actions";
import { EndpointHealthSection } from "./endpoint-health";
import { OrganizationKeys } from "./organization-keys";
import { ProducerPlatformsSection } from "./producer-platforms";

export default async function IntegrationsPage() {
  const timeZone = await readViewerTimeZone();
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, timeZone) : "—");
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  // An organization's admin who is no operator sees only the organization's own keys (organization-keys.tsx).
  if (me?.role === "admin" && !(await isOperator(db, me.memberId))) return <OrganizationKeys me={me} standalone />;
  // Portal-wide: only an operator's membership may know the page is there.
  if (!me || !(await isOperator(db, me.memberId))) notFound();
  const overview = await integrationOverview(db);
  const attempts = new Map(
    await Promise.all(overview.messages.map(async (m) => [m.id, await messageAttempts(db, m.id)] as const)),
  );
  const { endpoint, counts } = overview;
  return (
    <section className="stack">
      <h1>Integrations</h1>

      <article className="card stack" aria-labelledby="endpoint-heading">
        <h2 id="endpoint-heading">The producer portal's webhooks (first platform)</h2>
        <dl className="facts">
          <dt>Endpoint</dt>
          <dd>{endpoint?.url ?? "not configured"}</dd>
          <dt>State</dt>
          <dd>
            {endpoint?.enabled ? (
              <span className="badge">enabled</span>
            ) : (
              <span className="badge error">disabled: {endpoint?.disabledReason}</span>
            )}
          </dd>
          <dt>Messages</dt>
          <dd>
            {counts.pending ?? 0} waiting · {counts.delivered ?? 0} delivered · {counts.dead ?? 0} dead
          </dd>
          <dt>Last delivery</dt>
          <dd>{when(overview.lastSuccessAt)}</dd>
          <dt>Last failure</dt>
          <dd>
            {overview.lastFailure
              ? `${when(overview.lastFailure.at)} — ${overview.lastFailure.statusCode ?? "no answer"}: ${overview.lastFailure.error ?? ""}`
              : "—"}
          </dd>
          <dt>Secret rotation</dt>
          <dd>
            {endpoint?.previousSecretExpiresAt
              ? `old secret still signs until ${when(endpoint.previousSecretExpiresAt)}`
              : "no rotation in progress"}
          </dd>
          <dt>Last ping</dt>
          <dd>
            {overview.lastPing
              ? `sent ${when(overview.lastPing.sentAt)}; ${overview.lastPing.answeredAt ? `answered ${when(overview.lastPing.answeredAt)}` : "no answer yet"}`
              : "never"}
          </dd>
        </dl>
        <EndpointActions disabled={!endpoint?.enabled} />
      </article>

      <ProducerPlatformsSection />

      <EndpointHealthSection />

      <OrganizationKeys me={me} />

      <article className="card stack" aria-labelledby="keys-heading">
        <h2 id="keys-heading">API keys</h2>
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Key</th>
              <th>Platform</th>
              <th>Scopes</th>
              <th>Last used</th>
              <th>State</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.apiKeys.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.platform}</td>
                <td>{key.scopes.join(", ")}</td>
                <td>{when(key.lastUsedAt)}</td>
                <td>{key.revokedAt ? "revoked" : key.expiresAt ? `expires ${when(key.expiresAt)}` : "active"}</td>
                <td>{!key.revokedAt && <ApiKeyActions id={key.id} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <NewApiKeyForm />
      </article>

      <article className="card stack" aria-labelledby="messages-heading">
        <h2 id="messages-heading">Latest messages</h2>
        <table>
          <thead>
            <tr>
              <th>Event</th>
              <th>Created</th>
              <th>State</th>
              <th>Attempts</th>
              <th>Last answer</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.messages.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.eventType ?? m.kind}
                  <div className="muted">
                    <code>{m.eventId ?? m.id}</code>
                  </div>
                </td>
                <td>{when(m.createdAt)}</td>
                <td>
                  <span className="badge">{m.status}</span>
                  {m.nextAttemptAt && <div className="muted">next try {when(m.nextAttemptAt)}</div>}
                </td>
                <td>
                  <details>
                    <summary>{m.attempts}</summary>
                    <ol>
                      {(attempts.get(m.id) ?? []).map((a) => (
                        <li key={a.id}>
                          {when(a.startedAt.toISOString())}: {a.outcome}, {a.statusCode ?? "no answer"}, {a.latencyMs}{" "}
                          ms
                          {a.error ? ` — ${a.error}` : ""}
                          {a.responseExcerpt ? (
                            <div className="muted">
                              <code>{a.responseExcerpt.slice(0, 200)}</code>
                            </div>
                          ) : null}
                        </li>
                      ))}
                    </ol>
                  </details>
                </td>
                <td>{m.lastStatus ?? "—"}</td>
                <td>{m.status !== "pending" && <ReplayButton id={m.id} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </section>
  );
}
