import { z } from "zod";
import { fieldError } from "./field-error";

export function emailAddress() {
  return z.email({ error: fieldError("must be an email address like anna@example.com") }).max(254, {
    error: "must be at most 254 characters",
  });
}
