/**
 * Reads a portal's notification stream (Server-Sent Events) as the signed-in member of `cookie` and hands each
 * notification to `onNotification` the moment its event is parsed. Resolves once the stream has said it is connected.
 */
export async function readNotificationStream(
  baseUrl: string,
  cookie: string,
  onNotification: (notification: { id: string; type: string; link: string | null }) => void,
): Promise<{ close(): void }> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/notifications/stream`, {
    headers: { cookie, accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`notification stream answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let connected: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    connected = resolve;
  });
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (event.startsWith(": connected")) connected();
          const data = /^data: (.*)$/m.exec(event)?.[1];
          if (/^event: notification$/m.test(event) && data) onNotification(JSON.parse(data).notification);
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) process.stderr.write(`notification stream ended: ${String(error)}\n`);
    }
  })();
  await ready;
  return { close: () => abort.abort() };
}
