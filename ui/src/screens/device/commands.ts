// The commands of the "Gestion" tab, as the school guide lists them. Each one is an action of
// the shared confirmation dialog (lib/actions): the button asks for it with requestAction().
import type { ActionKind, DeviceDetail } from "../../lib/bindings";
import { isDestructive } from "../../lib/actions/actions";
import type { MessageKey } from "../../lib/i18n/fr";

export interface DeviceCommand {
  kind: ActionKind;
  label: MessageKey;
  hint: MessageKey;
  /** Erases data or locks the user out: shown in red, as its confirmation. */
  destructive: boolean;
}

function command(kind: ActionKind, label: MessageKey, hint: MessageKey): DeviceCommand {
  return { kind, label, hint, destructive: isDestructive(kind) };
}

export function commandsFor(detail: DeviceDetail): DeviceCommand[] {
  const lost = detail.summary.lostMode === true || detail.lostMode !== null;
  const list: DeviceCommand[] = [
    command("update_inventory", "device.command.updateInventory", "device.command.updateInventory.hint"),
    command("erase", "device.command.erase", "device.command.erase.hint"),
    command("clear_passcode", "device.command.clearPasscode", "device.command.clearPasscode.hint"),
    lost
      ? command("disable_lost_mode", "device.command.disableLostMode", "device.command.lostMode.hint")
      : command("enable_lost_mode", "device.command.enableLostMode", "device.command.lostMode.hint"),
  ];
  if (lost) {
    list.push(
      command("update_location", "device.command.updateLocation", "device.command.updateLocation.hint"),
      command("play_lost_mode_sound", "device.command.playSound", "device.command.playSound.hint"),
    );
  }
  list.push(
    command("restart", "device.command.restart", "device.command.restart.hint"),
    command("shut_down", "device.command.shutDown", "device.command.shutDown.hint"),
    // The guide's "Update OS Versions on supervised devices": offered on every iPad, the plan
    // says why an unsupervised one is left out.
    command("update_os", "device.command.updateOs", "device.command.updateOs.hint"),
    command("refresh_cellular_plans", "device.command.refreshCellular", "device.command.refreshCellular.hint"),
  );
  if (detail.summary.sharedIpad === true) {
    list.push(
      command("log_out_user", "device.command.logOutUser", "device.command.logOutUser.hint"),
      command("delete_user", "device.command.deleteUser", "device.command.deleteUser.hint"),
    );
  }
  return list;
}
