import { renderOpenApiJson } from "@lotbridge/contract/openapi";

const document = renderOpenApiJson();

export const GET = () => new Response(document, { headers: { "content-type": "application/json" } });
