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
  kindOf,
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
  });

  it("marks the actions that destroy or lock out as destructive", () => {
    expect(ACTION_KINDS.filter(isDestructive).sort()).toEqual(
      ["clear_passcode", "delete_user", "enable_lost_mode", "erase"].sort(),
    );
    expect(BULK_ACTIONS[BULK_ACTIONS.length - 1]).toBe("erase");
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
  });

  it("trims the typed texts before sending", () => {
    expect(finalAction({ kind: "deleteUser", userName: " eleve1@college.fr ", force: true })).toEqual({
      kind: "deleteUser",
      userName: "eleve1@college.fr",
      force: true,
    });
    expect(finalAction({ kind: "restart" })).toEqual({ kind: "restart" });
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
