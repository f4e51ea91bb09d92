// The least a Next.js route handler can do: what every other route's throughput is measured against (bench/lib/bare.ts).
export function GET() {
  return Response.json({ ok: true });
}
