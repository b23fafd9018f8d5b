import { describe, expect, it } from "vitest";
import type { Action, ActionKind } from "../bindings";
import {
  ACTION_KINDS,
  BULK_ACTIONS,
  confirmationMatches,
  connectionBlocker,
  defaultAction,
  finalAction,
  isDestructive,
  isOsVersion,
  kindOf,
  osVersionChoices,
  parameterProblem,
  planningAction,
} from "./actions";

describe("actions", () => {
  it("maps every ActionKind to an Action of the same kind, and back", () => {
    const expected: Record<ActionKind, string> = {
      update_inventory: "updateInventory",
      restart: "restart",
      shut_down: "shutDown",
      enable_lost_mode: "enableLostMode",
      disable_lost_mode: "disableLostMode",
      play_lost_mode_sound: "playLostModeSound",
      update_location: "updateLocation",
      clear_passcode: "clearPasscode",
      delete_user: "deleteUser",
      log_out_user: "logOutUser",
      erase: "erase",
      refresh_cellular_plans: "refreshCellularPlans",
      update_os: "updateOs",
    };
    expect([...ACTION_KINDS].sort()).toEqual(Object.keys(expected).sort());
    for (const kind of ACTION_KINDS) {
      const action = defaultAction(kind);
      expect(action.kind).toBe(expected[kind]);
      expect(kindOf(action)).toBe(kind);
    }
  });

  it("gives the safe defaults of the parameters", () => {
    expect(defaultAction("enable_lost_mode")).toEqual({
      kind: "enableLostMode",
      message: "",
      phone: "",
      footnote: "",
      alwaysEnforce: true,
    });
    expect(defaultAction("erase")).toEqual({ kind: "erase", preserveDataPlan: true, disallowProximitySetup: false });
    expect(defaultAction("delete_user")).toEqual({ kind: "deleteUser", userName: "", force: false });
    expect(defaultAction("refresh_cellular_plans")).toEqual({ kind: "refreshCellularPlans", esimServerUrl: "" });
    // Jamf Pro's own defaults: the installed version's latest update, installed and restarted.
    expect(defaultAction("update_os")).toEqual({
      kind: "updateOs",
      install: "download_install_restart",
      version: "latest_minor",
      specificVersion: "",
    });
  });

  it("marks the actions that destroy or lock out as destructive", () => {
    expect(ACTION_KINDS.filter(isDestructive).sort()).toEqual(
      ["clear_passcode", "delete_user", "enable_lost_mode", "erase"].sort(),
    );
    expect(BULK_ACTIONS[BULK_ACTIONS.length - 1]).toBe("erase");
    expect(isDestructive("update_os")).toBe(false);
    // The guide's "Mise à jour de l'inventaire ou de l'iOS": side by side in the group actions.
    expect(BULK_ACTIONS.indexOf("update_os")).toBe(BULK_ACTIONS.indexOf("update_inventory") + 1);
  });

  it("says what is missing in the parameters, as the back end would", () => {
    const lost: Action = { kind: "enableLostMode", message: "", phone: "", footnote: "", alwaysEnforce: true };
    expect(parameterProblem(lost)).toBe("action.invalid.lostMode");
    expect(parameterProblem({ ...lost, message: "  " })).toBe("action.invalid.lostMode");
    expect(parameterProblem({ ...lost, phone: "05 61 00 00 00" })).toBeNull();
    expect(parameterProblem(defaultAction("delete_user"))).toBe("action.invalid.user");
    const esim = (url: string) => parameterProblem({ kind: "refreshCellularPlans", esimServerUrl: url });
    expect(esim("")).toBe("action.invalid.esimUrl");
    expect(esim("https://")).toBe("action.invalid.esimUrl");
    expect(esim("http://sm-dp.example.fr")).toBe("action.invalid.esimUrl");
    expect(esim(" https://sm-dp.example.fr ")).toBeNull();
    expect(esim(`https://${"a".repeat(2041)}`)).toBe("action.invalid.esimUrl");
    expect(parameterProblem(defaultAction("restart"))).toBeNull();
  });

  it("asks for a well-formed iOS version when a specific one is chosen, as the back end would", () => {
    const os = (version: "latest_minor" | "latest_any" | "specific", specificVersion: string) =>
      parameterProblem({ kind: "updateOs", install: "download_only", version, specificVersion });
    expect(os("latest_minor", "")).toBeNull();
    expect(os("latest_any", "n'importe quoi")).toBeNull();
    expect(os("specific", "")).toBe("action.invalid.osVersion");
    for (const bad of ["18", "18.", ".18", "18..6", "18.6.x", "v18.6", "18,6", "latest", "18.6 .2", "١٨.٦"]) {
      expect(os("specific", bad), bad).toBe("action.invalid.osVersion");
    }
    for (const good of ["18.6", "18.6.2", " 17.7.10 ", "26.0.1"]) {
      expect(os("specific", good), good).toBeNull();
    }
    expect(isOsVersion("18.6.2")).toBe(true);
    expect(isOsVersion("18")).toBe(false);
  });

  it("lists the versions the server offers, well-formed, once each, newest first", () => {
    expect(osVersionChoices(["17.7.10", "18.6", "18.6.2", " 18.6.2", "latest", "", "26.0", "18.10"])).toEqual([
      "26.0",
      "18.10",
      "18.6.2",
      "18.6",
      "17.7.10",
    ]);
    expect(osVersionChoices([])).toEqual([]);
  });

  it("plans incomplete parameters with a stand-in, complete ones as they are", () => {
    const lost = defaultAction("enable_lost_mode");
    expect(parameterProblem(planningAction(lost))).toBeNull();
    const typed = { ...lost, message: "Rapportez-le" };
    expect(planningAction(typed)).toBe(typed);
    expect(planningAction(defaultAction("delete_user"), ["eleve1@college.fr"])).toEqual({
      kind: "deleteUser",
      userName: "eleve1@college.fr",
      force: false,
    });
    expect(parameterProblem(planningAction(defaultAction("refresh_cellular_plans")))).toBeNull();
    const specific = { ...defaultAction("update_os"), version: "specific" as const };
    expect(parameterProblem(planningAction(specific))).toBeNull();
    expect(planningAction(specific).kind).toBe("updateOs");
    const chosen = { ...specific, specificVersion: "18.6.2" };
    expect(planningAction(chosen)).toBe(chosen);
  });

  it("trims the typed texts before sending", () => {
    expect(finalAction({ kind: "deleteUser", userName: " eleve1@college.fr ", force: true })).toEqual({
      kind: "deleteUser",
      userName: "eleve1@college.fr",
      force: true,
    });
    expect(finalAction({ kind: "restart" })).toEqual({ kind: "restart" });
    expect(
      finalAction({ kind: "updateOs", install: "download_only", version: "specific", specificVersion: " 18.6.2 " }),
    ).toEqual({ kind: "updateOs", install: "download_only", version: "specific", specificVersion: "18.6.2" });
    // A version typed, then another choice made: not sent.
    expect(
      finalAction({ kind: "updateOs", install: "download_only", version: "latest_any", specificVersion: "18.6.2" }),
    ).toEqual({ kind: "updateOs", install: "download_only", version: "latest_any", specificVersion: "" });
  });

  it("blocks sending without a reachable server", () => {
    expect(connectionBlocker("online")).toBeNull();
    expect(connectionBlocker("demo")).toBeNull();
    expect(connectionBlocker("offline")).toBe("action.blocked.offline");
    expect(connectionBlocker("not_configured")).toBe("action.blocked.notConfigured");
    expect(connectionBlocker(null)).toBe("action.blocked.notConfigured");
  });

  it("compares the erase confirmation as the back end does", () => {
    expect(confirmationMatches(" 15 ", "15")).toBe(true);
    expect(confirmationMatches("ipad-cdi-01", "iPad-CDI-01")).toBe(true);
    expect(confirmationMatches("14", "15")).toBe(false);
    expect(confirmationMatches("", "15")).toBe(false);
    // Only ASCII letters fold (eq_ignore_ascii_case on the Rust side).
    expect(confirmationMatches("élève", "ÉLÈVE")).toBe(false);
  });
});
