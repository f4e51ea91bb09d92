/** A CSV download: RFC 4180 text with a header row (RFC 4180's `header` parameter), never cached. */
export function csvResponse({ filename, csv }: { filename: string; csv: string }): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "private, no-store",
    },
  });
}
