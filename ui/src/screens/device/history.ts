// The commands of the "Historique" tab arrive under Jamf Pro's Classic API names
// ("InstallProfile", "UpdateInventory"…); this gives them a readable, translated label. The raw
// name stays visible beside it, and an unknown name is shown as it came.
import type { MessageKey } from "../../lib/i18n/fr";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Classic API command name → message key. */
const LABELS = {
  InstallProfile: "device.history.cmd.installProfile",
  RemoveProfile: "device.history.cmd.removeProfile",
  InstallApplication: "device.history.cmd.installApplication",
  RemoveApplication: "device.history.cmd.removeApplication",
  UpdateInventory: "device.history.cmd.updateInventory",
  DeviceInformation: "device.history.cmd.deviceInformation",
  ProfileList: "device.history.cmd.profileList",
  InstalledApplicationList: "device.history.cmd.installedApplicationList",
  CertificateList: "device.history.cmd.certificateList",
  SecurityInfo: "device.history.cmd.securityInfo",
  EnableLostMode: "device.history.cmd.enableLostMode",
  DisableLostMode: "device.history.cmd.disableLostMode",
  PlayLostModeSound: "device.history.cmd.playLostModeSound",
  DeviceLocation: "device.history.cmd.deviceLocation",
  ClearPasscode: "device.history.cmd.clearPasscode",
  ClearRestrictionsPassword: "device.history.cmd.clearRestrictionsPassword",
  DeviceLock: "device.history.cmd.deviceLock",
  EraseDevice: "device.history.cmd.eraseDevice",
  RestartDevice: "device.history.cmd.restartDevice",
  ShutDownDevice: "device.history.cmd.shutDownDevice",
  Settings: "device.history.cmd.settings",
  ScheduleOSUpdate: "device.history.cmd.scheduleOsUpdate",
  AvailableOSUpdates: "device.history.cmd.availableOsUpdates",
  RefreshCellularPlans: "device.history.cmd.refreshCellularPlans",
  LogOutUser: "device.history.cmd.logOutUser",
  DeleteUser: "device.history.cmd.deleteUser",
} as const satisfies Record<string, MessageKey>;

/** Looked up without case, spaces or underscores ("ShutdownDevice", "Update Inventory"). */
const normalize = (name: string) => name.replace(/[\s_-]/g, "").toLowerCase();
const BY_NAME = new Map<string, MessageKey>(Object.entries(LABELS).map(([name, key]) => [normalize(name), key]));

export interface CommandLabel {
  /** What to show: the translated label, or the raw name when the command is unknown. */
  label: string;
  /** The name as Jamf Pro sent it. */
  raw: string;
  known: boolean;
}

export function commandLabel(name: string, t: Translate): CommandLabel {
  const raw = name.trim();
  const key = BY_NAME.get(normalize(raw));
  return key ? { label: t(key), raw, known: true } : { label: raw, raw, known: false };
}

/** The Classic API names that have a label (for the tests). */
export const KNOWN_COMMANDS: readonly string[] = Object.keys(LABELS);
