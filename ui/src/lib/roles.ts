// Device roles: the list and the union are generated from Rust (bindings.ts); this only checks
// text that comes from elsewhere (the route's query, a select, a newer back end).
import { DEVICE_ROLES, type DeviceRole } from "./bindings";

/** A role this UI knows. */
export function isRole(value: string | null): value is DeviceRole {
  return value !== null && (DEVICE_ROLES as readonly string[]).includes(value);
}

/** `role`, or `other` for one this UI does not know (as the back end reads it too). */
export function knownRole(role: string): DeviceRole {
  return isRole(role) ? role : "other";
}
