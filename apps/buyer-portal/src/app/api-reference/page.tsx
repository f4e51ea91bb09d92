import { buildOpenApiDocument } from "@lotbridge/contract/openapi";

export const metadata = { title: "Lotbridge · Buyer portal API reference" };

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { description?: string; $ref?: string }>;
};

const refName = (ref?: string) => ref?.split("/").pop();

/**
 * The OpenAPI document as a page a person can read, rendered on the server from the same schemas: no script, no
 * bundle from a CDN. The raw document is at /api/openapi.json.
 */
export default function ApiReferencePage() {
  const doc = buildOpenApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <main className="stack">
      <h1>{doc.info.title}</h1>
      <p>{doc.info.description}</p>
      <p>
        Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {doc.openapi}, API version{" "}
        {doc.info.version}).
      </p>
      <h2>Operations</h2>
      {operations.map(({ path, method, op }) => (
        <section key={`${method} ${path}`} className="card stack" id={`${method}-${path}`}>
          <h3>
            <code>
              {method.toUpperCase()} {path}
            </code>{" "}
            — {op.summary}
          </h3>
          {op.description && <p>{op.description}</p>}
          {op.security && (
            <p className="muted">
              Authentication:{" "}
              {op.security
                .map((s) => Object.entries(s).map(([k, v]) => `${k}${v.length ? ` (${v.join(", ")})` : ""}`))
                .join(" or ")}
            </p>
          )}
          {op.requestBody && (
            <p>
              Body:{" "}
              {Object.entries(op.requestBody.content).map(([type, c]) => (
                <a key={type} href={`#schema-${refName(c.schema.$ref)}`}>
                  {refName(c.schema.$ref) ?? type}
                </a>
              ))}
            </p>
          )}
          <ul>
            {Object.entries(op.responses).map(([status, response]) => (
              <li key={status}>
                <strong>{status}</strong> {response.description ?? refName(response.$ref)}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Webhooks</h2>
      <p>
        Signed with Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>,{" "}
        <code>webhook-signature</code>) and sent to the producer portal's <code>POST /api/webhooks/buyer</code>.
      </p>
      <ul>
        {Object.entries(doc.webhooks).map(([type, item]) => (
          <li key={type}>
            <code>{type}</code> — {(item as { post: Operation }).post.summary}
          </li>
        ))}
      </ul>
      <h2>Schemas</h2>
      {Object.entries(doc.components.schemas).map(([name, schema]) => (
        <details key={name} id={`schema-${name}`}>
          <summary>{name}</summary>
          <pre className="schema">{JSON.stringify(schema, null, 2)}</pre>
        </details>
      ))}
    </main>
  );
}
