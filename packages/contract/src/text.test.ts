import { describe, expect, it } from "vitest";
import { multilineText, optionalText, requiredText, singleLineText, unfitCharacter } from "./text";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message);

describe("text a person sends", () => {
  it.each([
    ["NUL", "wheat\u0000", "must not contain the control character U+0000 (of those, only tab is allowed)"],
    ["U+0001", "\u0001wheat", "must not contain the control character U+0001 (of those, only tab is allowed)"],
    ["escape", "wh\u001beat", "must not contain the control character U+001B (of those, only tab is allowed)"],
    ["DEL", "wheat\u007f", "must not contain the control character U+007F (of those, only tab is allowed)"],
    [
      "a line break in one line",
      "wheat\nrye",
      "must not contain the control character U+000A (of those, only tab is allowed)",
    ],
    ["a lone high surrogate", "wheat \ud800", "must not contain an unpaired surrogate (U+D800)"],
    ["a lone low surrogate", "\udc00 wheat", "must not contain an unpaired surrogate (U+DC00)"],
    ["swapped halves of a pair", "\ude00\ud83d", "must not contain an unpaired surrogate (U+DE00)"],
  ])("one line refuses %s with one issue saying what is wrong", (_, value, message) => {
    for (const schema of [singleLineText(100), requiredText(100), optionalText(100)]) {
      expect(messages(schema.safeParse(value))).toEqual([message]);
    }
  });

  it("multi-line text keeps tabs and line breaks and still refuses other controls and lone surrogates", () => {
    expect(multilineText(100).parse("  Protein\t13 %\r\nMoisture 14 %\n")).toBe("Protein\t13 %\r\nMoisture 14 %");
    expect(optionalText(100, { multiline: true }).parse("a\nb")).toBe("a\nb");
    expect(messages(multilineText(100).safeParse("a\nb\u0000"))).toEqual([
      "must not contain the control character U+0000 (of those, only tab and line breaks are allowed)",
    ]);
    expect(messages(requiredText(100, { multiline: true }).safeParse("a\n\ud800"))).toEqual([
      "must not contain an unpaired surrogate (U+D800)",
    ]);
  });

  it("accepts tabs, accents, other scripts and emoji (a surrogate pair)", () => {
    expect(singleLineText(100).parse(" Weizen\tß, 小麦, пшениця 🌾 ")).toBe("Weizen\tß, 小麦, пшениця 🌾");
    expect(unfitCharacter("🌾")).toBeUndefined();
  });

  it("keeps the old rules: required is not blank, optional defaults to empty, both are bounded", () => {
    expect(messages(requiredText(10).safeParse("   "))).toEqual(["is required"]);
    expect(messages(requiredText(10).safeParse(undefined))).toEqual(["is required"]);
    expect(messages(requiredText(10).safeParse(5))).toEqual(["must be text"]);
    expect(optionalText(10).parse(undefined)).toBe("");
    expect(messages(singleLineText(3).safeParse("abcd"))).toEqual(["must be at most 3 characters"]);
  });
});
