"use client";

import { useEffect } from "react";

/**
 * On a phone a table wider than the screen scrolls sideways inside itself (styles.css). This makes each such table of
 * the page focusable, so that a keyboard can scroll to its hidden columns too; a table that fits is left alone.
 */
export function ScrollableTables() {
  useEffect(() => {
    const mark = () => {
      for (const table of document.querySelectorAll<HTMLTableElement>("main table")) {
        const scrolls = table.scrollWidth > table.clientWidth + 1;
        if (scrolls && !table.hasAttribute("tabindex")) {
          table.tabIndex = 0;
          table.dataset.scrollFocus = "";
        } else if (!scrolls && table.dataset.scrollFocus !== undefined) {
          table.removeAttribute("tabindex");
          delete table.dataset.scrollFocus;
        }
      }
    };
    mark();
    const main = document.querySelector("main");
    const observer = new MutationObserver(mark);
    if (main) observer.observe(main, { childList: true, subtree: true });
    window.addEventListener("resize", mark);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", mark);
    };
  }, []);
  return null;
}
