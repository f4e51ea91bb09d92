import { portal } from "@/server/portal";
import { route } from "@/server/route";

// better-auth answers sign-in, sign-out, session and organization calls under /api/auth; the route wrapper gives them
// a request id and, while the database is unavailable, the same 503 database-unavailable as every other API route.
const answer = route<{ all: string[] }>((request) => portal().auth.handler(request));

export const GET = answer;
export const POST = answer;
