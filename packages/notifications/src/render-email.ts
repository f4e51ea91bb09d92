export interface RenderEmailInput {
  title: string;
  /** Label and value pairs shown as a table, e.g. ["Volume", "25 t"]. */
  facts: readonly (readonly [label: string, value: string])[];
  link?: string;
  linkLabel?: string;
  footer?: string;
}

export interface RenderedEmail {
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

// A javascript: or data: link in a mail is an attack, not a button; only web addresses become links.
function webAddress(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const { protocol } = new URL(link);
    return protocol === "https:" || protocol === "http:" ? link : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A notification email as plain text and as HTML that says the same. Every value is escaped, and the HTML uses inline
 * styles and no images or fonts from elsewhere: mail clients strip style sheets and block remote content.
 */
export function renderEmail(input: RenderEmailInput): RenderedEmail {
  const link = webAddress(input.link);
  const linkLabel = input.linkLabel ?? "Open in Lotbridge";

  const text = [
    input.title,
    "",
    ...input.facts.map(([label, value]) => `${label}: ${value}`),
    ...(link ? ["", `${linkLabel}: ${link}`] : []),
    ...(input.footer ? ["", "--", input.footer] : []),
  ].join("\n");

  const rows = input.facts
    .map(
      ([label, value]) =>
        `<tr><td style="padding:6px 16px 6px 0;color:#6b7280;vertical-align:top;white-space:nowrap">${escapeHtml(label)}</td>` +
        `<td style="padding:6px 0;color:#111827;font-weight:600">${escapeHtml(value)}</td></tr>`,
    )
    .join("");
  const button = link
    ? `<p style="margin:24px 0 0"><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(linkLabel)}</a></p>`
    : "";
  const footer = input.footer
    ? `<p style="margin:24px 0 0;color:#6b7280;font-size:12px">${escapeHtml(input.footer)}</p>`
    : "";
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(input.title)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;font-size:14px">` +
    `<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px">` +
    `<h1 style="margin:0 0 16px;font-size:20px;color:#111827">${escapeHtml(input.title)}</h1>` +
    `<table role="presentation" style="border-collapse:collapse">${rows}</table>` +
    `${button}${footer}</div></body></html>`;

  return { text, html };
}
