import { getDocumentProxy } from "unpdf";

/**
 * For tests: reads a PDF back with pdf.js, Mozilla's PDF parser (through unpdf: pure JavaScript, nothing native), and
 * returns the text of each page in order, with a line break wherever pdf.js ends a line. So `.length` is the page
 * count. Every page's content stream is parsed; a parse error throws instead of being skipped (`stopAtErrors`).
 * Pages are not rasterized: that would need a native canvas.
 */
export async function readPdfText(bytes: Uint8Array): Promise<string[]> {
  // A copy: pdf.js takes Uint8Array, not Buffer, and detaches the buffer it is given.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: true });
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const { items } = await (await pdf.getPage(number)).getTextContent();
      pages.push(items.map((item) => ("str" in item ? `${item.str}${item.hasEOL ? "\n" : ""}` : "")).join(""));
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}
