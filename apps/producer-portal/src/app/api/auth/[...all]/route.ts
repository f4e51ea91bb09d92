import { portal } from "@/server/portal";

// better-auth answers sign-in, sign-out, session and organization calls under /api/auth.
export const GET = (request: Request) => portal().auth.handler(request);
export const POST = (request: Request) => portal().auth.handler(request);
