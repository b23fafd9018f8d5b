// Normalises whatever a failed invoke rejects with into the AppError shape the back end sends,
// so the UI never shows a raw string or "[object Object]".
import { ERROR_CODES, type AppError } from "../bindings";

const CODES = ERROR_CODES;

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === "string" &&
    (CODES as readonly string[]).includes(v.code) &&
    (v.detail === undefined || v.detail === null || (typeof v.detail === "object" && typeof (v.detail as Record<string, unknown>).kind === "string")) &&
    typeof v.message === "string" &&
    (v.hint === null || typeof v.hint === "string") &&
    typeof v.retryable === "boolean"
  );
}

export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return value;
  const message =
    value instanceof Error ? value.message : typeof value === "string" ? value : JSON.stringify(value);
  return { code: "internal", detail: null, message: message ?? "unknown error", hint: null, retryable: false };
}
