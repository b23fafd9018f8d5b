// Normalises whatever a failed invoke rejects with into the AppError shape the back end sends,
// so the UI never shows a raw string or "[object Object]".
import type { AppError, ErrorCode } from "../bindings";

const CODES: readonly ErrorCode[] = [
  "internal",
  "invalid_input",
  "not_found",
  "database",
  "database_too_new",
  "io",
  "network",
  "auth",
  "server",
  "cancelled",
];

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === "string" &&
    (CODES as readonly string[]).includes(v.code) &&
    typeof v.message === "string" &&
    (v.hint === null || typeof v.hint === "string") &&
    typeof v.retryable === "boolean"
  );
}

export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return value;
  const message =
    value instanceof Error ? value.message : typeof value === "string" ? value : JSON.stringify(value);
  return { code: "internal", message: message ?? "unknown error", hint: null, retryable: false };
}
