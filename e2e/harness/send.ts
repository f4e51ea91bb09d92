/** A call as the signed-in user of `cookie`, with the Origin a browser would send. */
export function send(url: string, cookie: string, method: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: {
      cookie,
      origin: new URL(url).origin,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
