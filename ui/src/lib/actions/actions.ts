// What the UI knows about each action on devices: the mapping between the two spellings the
// back end uses (ActionKind "enable_lost_mode" names an action, Action.kind "enableLostMode"
// carries its parameters), which ones destroy something, and the checks the back end makes on
// the parameters, mirrored here so the dialog can say what is missing before asking it.
import type { Action, ActionKind, ConnectionState } from "../bindings";
import type { MessageKey } from "../i18n/fr";

/** Every action, in the order the menus list them (the destructive ones last). */
export const ACTION_KINDS: readonly ActionKind[] = [
  "update_inventory",
  "update_os",
  "restart",
  "shut_down",
  "enable_lost_mode",
  "disable_lost_mode",
  "play_lost_mode_sound",
  "update_location",
  "log_out_user",
  "refresh_cellular_plans",
  "clear_passcode",
  "delete_user",
  "erase",
];

/** Offered on a device's own screen only, never to a selection of devices. */
const SINGLE_DEVICE: ReadonlySet<ActionKind> = new Set<ActionKind>(["clear_passcode", "delete_user"]);

/** The inventory's group actions (selection bar), in the menu's order: erase last. The school
 * guide groups the inventory and the iOS updates ("Mise à jour de l'inventaire ou de l'iOS"). */
export const BULK_ACTIONS: readonly ActionKind[] = ACTION_KINDS.filter((kind) => !SINGLE_DEVICE.has(kind));

/** They erase data, lock the user out or remove an account: red buttons in the UI. */
const DESTRUCTIVE: ReadonlySet<ActionKind> = new Set<ActionKind>([
  "erase",
  "clear_passcode",
  "delete_user",
  "enable_lost_mode",
]);

export function isDestructive(kind: ActionKind): boolean {
  return DESTRUCTIVE.has(kind);
}

/** The action with its default parameters (lost mode always enforced, eSIM plan kept, iOS
 * updated within the installed version and installed at once, as Jamf Pro proposes). */
export function defaultAction(kind: ActionKind): Action {
  switch (kind) {
    case "update_inventory":
      return { kind: "updateInventory" };
    case "restart":
      return { kind: "restart" };
    case "shut_down":
      return { kind: "shutDown" };
    case "enable_lost_mode":
      // Jamf's own default: lost mode comes back even after a restore from a backup.
      return { kind: "enableLostMode", message: "", phone: "", footnote: "", alwaysEnforce: true };
    case "disable_lost_mode":
      return { kind: "disableLostMode" };
    case "play_lost_mode_sound":
      return { kind: "playLostModeSound" };
    case "update_location":
      return { kind: "updateLocation" };
    case "clear_passcode":
      return { kind: "clearPasscode" };
    case "delete_user":
      return { kind: "deleteUser", userName: "", force: false };
    case "log_out_user":
      return { kind: "logOutUser" };
    case "erase":
      // An eSIM profile downloaded once cannot always be downloaded again (the carrier deletes
      // it): keeping the plan is the side that cannot be regretted.
      return { kind: "erase", preserveDataPlan: true, disallowProximitySetup: false };
    case "refresh_cellular_plans":
      return { kind: "refreshCellularPlans", esimServerUrl: "" };
    case "update_os":
      return { kind: "updateOs", install: "download_install_restart", version: "latest_minor", specificVersion: "" };
  }
}

/** The reverse mapping: the ActionKind of an action (what the journal and the job list name). */
export function kindOf(action: Action): ActionKind {
  switch (action.kind) {
    case "updateInventory":
      return "update_inventory";
    case "restart":
      return "restart";
    case "shutDown":
      return "shut_down";
    case "enableLostMode":
      return "enable_lost_mode";
    case "disableLostMode":
      return "disable_lost_mode";
    case "playLostModeSound":
      return "play_lost_mode_sound";
    case "updateLocation":
      return "update_location";
    case "clearPasscode":
      return "clear_passcode";
    case "deleteUser":
      return "delete_user";
    case "logOutUser":
      return "log_out_user";
    case "erase":
      return "erase";
    case "refreshCellularPlans":
      return "refresh_cellular_plans";
    case "updateOs":
      return "update_os";
  }
}

/** The longest SM-DP+ address the back end accepts. */
const MAX_URL = 2048;

export function isEsimUrl(url: string): boolean {
  const u = url.trim();
  // Case-sensitive prefix, as the back end checks it.
  return u.length > "https://".length && u.length <= MAX_URL && u.startsWith("https://");
}

/** An iOS version as the back end accepts it: numbers separated by dots, at least two ("18.6.2"). */
export function isOsVersion(version: string): boolean {
  return /^\d+(\.\d+)+$/.test(version.trim());
}

/**
 * The versions the server offers, as the version list shows them: well-formed ones only, each
 * once, newest first.
 */
export function osVersionChoices(versions: readonly string[]): string[] {
  const valid = [...new Set(versions.map((v) => v.trim()).filter(isOsVersion))];
  const parts = (v: string) => v.split(".").map(Number);
  return valid.sort((a, b) => {
    const [pa, pb] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const d = (pb[i] ?? 0) - (pa[i] ?? 0);
      if (d !== 0) return d;
    }
    return pb.length - pa.length;
  });
}

/**
 * What is missing in the parameters, as the back end's validate() would refuse them; `null`
 * when the action can be sent.
 */
export function parameterProblem(action: Action): MessageKey | null {
  switch (action.kind) {
    case "enableLostMode":
      return action.message.trim() === "" && action.phone.trim() === ""
        ? "action.invalid.lostMode"
        : null;
    case "deleteUser":
      return action.userName.trim() === "" ? "action.invalid.user" : null;
    case "refreshCellularPlans":
      return isEsimUrl(action.esimServerUrl) ? null : "action.invalid.esimUrl";
    case "updateOs":
      return action.version === "specific" && !isOsVersion(action.specificVersion) ? "action.invalid.osVersion" : null;
    default:
      return null;
  }
}

/**
 * The action sent to plan_action. The plan (count, refusals, stale inventories) does not depend
 * on the lost-mode text, the eSIM address nor the iOS version, but the back end refuses to plan an action
 * whose parameters are incomplete: while they are, a stand-in lets the dialog show the plan as
 * soon as it opens. Delete user is planned for the chosen user (it decides the refusals), or
 * the device's first user until one is chosen. Never sent to start_job.
 */
export function planningAction(action: Action, users: readonly string[] = []): Action {
  if (parameterProblem(action) === null) return action;
  switch (action.kind) {
    case "enableLostMode":
      return { ...action, message: "…" };
    case "refreshCellularPlans":
      return { ...action, esimServerUrl: "https://sm-dp.invalid" };
    case "deleteUser":
      return { ...action, userName: users[0] ?? "…" };
    case "updateOs":
      return { ...action, version: "latest_minor", specificVersion: "" };
    default:
      return action;
  }
}

/** The action as sent to start_job: the typed texts without the spaces around them. */
export function finalAction(action: Action): Action {
  switch (action.kind) {
    case "enableLostMode":
      return {
        ...action,
        message: action.message.trim(),
        phone: action.phone.trim(),
        footnote: action.footnote.trim(),
      };
    case "deleteUser":
      return { ...action, userName: action.userName.trim() };
    case "refreshCellularPlans":
      return { ...action, esimServerUrl: action.esimServerUrl.trim() };
    case "updateOs":
      // The version matters only when it is the one chosen (the back end ignores it otherwise).
      return { ...action, specificVersion: action.version === "specific" ? action.specificVersion.trim() : "" };
    default:
      return { ...action };
  }
}

/** Why nothing can be sent to devices right now (no server, server unreachable); `null` when it can. */
export function connectionBlocker(connection: ConnectionState | null | undefined): MessageKey | null {
  switch (connection) {
    case "online":
    case "demo":
      return null;
    case "offline":
      return "action.blocked.offline";
    default:
      return "action.blocked.notConfigured";
  }
}

/**
 * Erase is confirmed by typing the count (or the device's name): spaces around and the case of
 * ASCII letters do not matter, exactly as the back end compares (so the button never enables for
 * a text start_job would refuse).
 */
export function confirmationMatches(typed: string, expected: string): boolean {
  const fold = (s: string) => s.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
  return fold(typed) === fold(expected);
}
