// The parameters the user chose for a job, shown under its title (the back end's `details` is
// English, for the journal's CSV: the screen writes them in the UI's language).
import type { Action } from "../../lib/bindings";
import type { MessageKey } from "../../lib/i18n/fr";

export interface ParamRow {
  label: MessageKey;
  /** Text as typed, a yes/no, or a choice in words (`{ key }`, a message key). */
  value: string | boolean | { key: MessageKey };
}

export function actionParams(action: Action): ParamRow[] {
  switch (action.kind) {
    case "enableLostMode": {
      const rows: ParamRow[] = [];
      if (action.message) rows.push({ label: "job.param.message", value: action.message });
      if (action.phone) rows.push({ label: "job.param.phone", value: action.phone });
      if (action.footnote) rows.push({ label: "job.param.footnote", value: action.footnote });
      rows.push({ label: "job.param.alwaysEnforce", value: action.alwaysEnforce });
      return rows;
    }
    case "deleteUser":
      return [
        { label: "job.param.user", value: action.userName },
        { label: "job.param.force", value: action.force },
      ];
    case "erase":
      return [
        { label: "job.param.preserveDataPlan", value: action.preserveDataPlan },
        { label: "job.param.disallowProximity", value: action.disallowProximitySetup },
      ];
    case "refreshCellularPlans":
      return [{ label: "job.param.esimUrl", value: action.esimServerUrl }];
    case "updateOs":
      return [
        {
          label: "job.param.osVersion",
          value: action.version === "specific" ? action.specificVersion : { key: `job.param.osVersion.${action.version}` },
        },
        { label: "job.param.osInstall", value: { key: `job.param.osInstall.${action.install}` } },
      ];
    default:
      return [];
  }
}
