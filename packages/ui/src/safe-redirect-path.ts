/**
 * Where to send someone after sign-in: `next` read as a URL against the portal's own origin, kept only when it stays
 * on that origin, and returned as a path. Prefix checks on the raw string miss what browsers also read as another
 * host (`/\evil.example`, `/<tab>/evil.example`), so the URL parser decides.
 */
export function safeRedirectPath(next: string | null | undefined, origin: string): string {
  if (!next) return "/";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that normalizes to `//host` (from `/.//host`) would leave the origin when followed.
  return new URL(path, origin).origin === origin ? path : "/";
}
