export interface MediaType {
  /** `type/subtype`, lower-cased. */
  essence: string;
  /** Parameter names lower-cased; values as sent, without their quotes. */
  parameters: Map<string, string>;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const ESSENCE = new RegExp(`^(${TOKEN})/(${TOKEN})`);
const PARAMETER = new RegExp(`^[ \\t]*;[ \\t]*(?:(${TOKEN})=(${TOKEN}|${QUOTED}))?`);

/**
 * A Content-Type value read by RFC 9110's grammar (`type "/" subtype *( OWS ";" OWS [ name "=" value ] )`), or
 * undefined when it does not follow it. A value such as `text/plain;application/json` is text/plain with a broken
 * parameter, never JSON: looking for a substring would take it for JSON.
 */
export function parseMediaType(value: string): MediaType | undefined {
  const essence = ESSENCE.exec(value.trim());
  if (!essence) return undefined;
  const parameters = new Map<string, string>();
  let rest = value.trim().slice(essence[0].length);
  while (rest.length > 0) {
    const parameter = PARAMETER.exec(rest);
    if (!parameter || parameter[0].length === 0) return undefined;
    const [matched, name, raw] = parameter;
    if (name && raw && !parameters.has(name.toLowerCase())) {
      parameters.set(name.toLowerCase(), raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw);
    }
    rest = rest.slice(matched.length);
  }
  return { essence: `${essence[1]}/${essence[2]}`.toLowerCase(), parameters };
}
