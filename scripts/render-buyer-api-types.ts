import openapiTS, { astToString } from "openapi-typescript";

const HEADER =
  "// Generated from docs/openapi.json by `npm run openapi` (openapi-typescript). Do not edit: change the contract\n" +
  "// package, regenerate, and the producer portal's calls that no longer fit the document fail to compile.\n\n";

/** The TypeScript types of the buyer portal's API, as openapi-fetch reads them, from the document's JSON text. */
export async function renderBuyerApiTypes(openApiJson: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(openApiJson), { alphabetize: false, rootTypes: false });
  return HEADER + astToString(ast);
}
