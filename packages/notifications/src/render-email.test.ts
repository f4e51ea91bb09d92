import { describe, expect, it } from "vitest";
import { renderEmail } from "./render-email";

describe("renderEmail", () => {
  it("says the same in text and HTML", () => {
    const { text, html } = renderEmail({
      title: "Contract signed",
      facts: [
        ["Lot", "L-104"],
        ["Volume", "25 t"],
      ],
      link: "https://buyer.test/contracts/ct_1",
      linkLabel: "Open the contract",
      footer: "You get this because contract emails are on.",
    });

    expect(text).toBe(
      [
        "Contract signed",
        "",
        "Lot: L-104",
        "Volume: 25 t",
        "",
        "Open the contract: https://buyer.test/contracts/ct_1",
        "",
        "--",
        "You get this because contract emails are on.",
      ].join("\n"),
    );
    expect(html).toContain(">Volume</td>");
    expect(html).toContain(">25 t</td>");
    expect(html).toContain('href="https://buyer.test/contracts/ct_1"');
    expect(html).toContain(">Open the contract</a>");
  });

  it("escapes every value in the HTML", () => {
    const { html } = renderEmail({
      title: "<script>alert(1)</script>",
      facts: [['Buyer "A&B" <b>', "<img src=x onerror=alert(1)>"]],
      link: 'https://buyer.test/lots?a=1&b="2"',
      linkLabel: "<Open>",
      footer: "Tom & Jerry's <footer>",
    });

    expect(html).not.toMatch(/<script|<img|<b>|<Open>|<footer>/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Buyer &quot;A&amp;B&quot; &lt;b&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('href="https://buyer.test/lots?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain("Tom &amp; Jerry&#39;s &lt;footer&gt;");
  });

  it("makes no link of an address that is not a web address", () => {
    const { html, text } = renderEmail({ title: "T", facts: [], link: "javascript:alert(1)" });

    expect(html).not.toContain("<a ");
    expect(html).not.toContain("javascript:");
    expect(text).not.toContain("javascript:");
  });

  it("uses inline styles and nothing from elsewhere", () => {
    const { html } = renderEmail({ title: "T", facts: [["a", "b"]], link: "https://buyer.test" });

    expect(html).not.toMatch(/<link|<style|<img|src=|url\(/i);
  });
});
