// Plain words for why a device shows no position, and for why a command cannot be sent now.
// Shared by the lost-mode screen and the device's Inventaire tab, so both say the same thing.
import type { ConnectionState, NoPosition } from "../../lib/bindings";
import type { MessageKey } from "../../lib/i18n/fr";

export function reasonLabel(note: NoPosition): MessageKey {
  return `lostMode.reason.${note}`;
}

/** Waiting for or missing an answer: worth reminding that the iPad must be on and on Wi-Fi. */
export function needsWifiHint(note: NoPosition): boolean {
  return note === "never_reported" || note === "request_pending" || note === "request_failed";
}

/** Why the commands are disabled, `null` when the server can be reached (online or demo). */
export function blockedReason(connection: ConnectionState | null | undefined): MessageKey | null {
  switch (connection) {
    case "online":
    case "demo":
      return null;
    case "offline":
      return "lostMode.offline";
    default:
      return "lostMode.notConfigured";
  }
}
