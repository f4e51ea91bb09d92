/**
 * Calls `write` with every item that arrived while its previous call was running, one call at a time: the first item
 * is written at once, alone, and the busier the writer, the larger its batches (group commit). `write` settles each
 * item on its own, so that one item's failure is that item's alone.
 */
export function batchCalls<In, Out>(
  write: (items: In[]) => Promise<PromiseSettledResult<Out>[]>,
): (item: In) => Promise<Out> {
  let waiting: { item: In; resolve: (value: Out) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      let results: PromiseSettledResult<Out>[];
      try {
        results = await write(batch.map(({ item }) => item));
      } catch (error) {
        results = batch.map(() => ({ status: "rejected", reason: error }));
      }
      batch.forEach(({ resolve, reject }, index) => {
        const result = results[index];
        if (result?.status === "fulfilled") resolve(result.value);
        else reject(result ? result.reason : new Error("The batch gave no result for this item."));
      });
    }
    writing = false;
  }

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
