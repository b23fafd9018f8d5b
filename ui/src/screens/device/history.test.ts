import { describe, expect, it } from "vitest";
import { format } from "../../lib/i18n/index.svelte";
import { fr } from "../../lib/i18n/fr";
import { en } from "../../lib/i18n/en";
import { KNOWN_COMMANDS, commandLabel } from "./history";

const tFr = (key: keyof typeof fr, params: Record<string, string | number> = {}) => format(fr[key], params);
const tEn = (key: keyof typeof fr, params: Record<string, string | number> = {}) => format(en[key], params);

describe("history command labels", () => {
  it("translate Jamf's Classic command names", () => {
    const expected: [string, string, string][] = [
      ["InstallProfile", "Installation d'un profil", "Profile installation"],
      ["UpdateInventory", "Mise à jour de l'inventaire", "Inventory update"],
      ["EnableLostMode", "Activation du mode perdu", "Lost mode enabled"],
      ["DeviceLocation", "Demande de localisation", "Location request"],
      ["ClearPasscode", "Suppression du code", "Passcode removal"],
      ["DeviceLock", "Verrouillage", "Lock"],
      ["EraseDevice", "Effacement de l'appareil", "Device erase"],
      ["RestartDevice", "Redémarrage", "Restart"],
      ["ShutDownDevice", "Extinction", "Shut down"],
      ["Settings", "Réglages", "Settings"],
      ["ScheduleOSUpdate", "Mise à jour d'iOS programmée", "Scheduled iOS update"],
      ["RefreshCellularPlans", "Actualisation des forfaits cellulaires", "Cellular plans refresh"],
      ["DisableLostMode", "Désactivation du mode perdu", "Lost mode disabled"],
      ["PlayLostModeSound", "Son du mode perdu", "Lost mode sound"],
      ["InstallApplication", "Installation d'une app", "App installation"],
      ["RemoveProfile", "Suppression d'un profil", "Profile removal"],
    ];
    for (const [name, french, english] of expected) {
      expect(commandLabel(name, tFr), name).toEqual({ label: french, raw: name, known: true });
      expect(commandLabel(name, tEn).label, name).toBe(english);
    }
  });

  it("give every known command a label of its own in both languages", () => {
    for (const t of [tFr, tEn]) {
      const labels = KNOWN_COMMANDS.map((name) => commandLabel(name, t).label);
      expect(new Set(labels).size).toBe(labels.length);
    }
    // In French, none is left as Jamf's name.
    for (const name of KNOWN_COMMANDS) expect(commandLabel(name, tFr).label).not.toBe(name);
  });

  it("ignore case, spaces and underscores in the name, and keep it as sent", () => {
    expect(commandLabel("ShutdownDevice", tFr)).toEqual({ label: "Extinction", raw: "ShutdownDevice", known: true });
    expect(commandLabel(" Update Inventory ", tEn)).toEqual({ label: "Inventory update", raw: "Update Inventory", known: true });
  });

  it("show an unknown name as it is", () => {
    expect(commandLabel("SetRecoveryLock", tFr)).toEqual({ label: "SetRecoveryLock", raw: "SetRecoveryLock", known: false });
    expect(commandLabel("", tFr)).toEqual({ label: "", raw: "", known: false });
  });
});
