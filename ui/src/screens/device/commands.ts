// The commands of the "Gestion" tab, as the school guide lists them. They are shown now and
// wired with the commands feature.
import type { DeviceDetail } from "../../lib/bindings";
import type { MessageKey } from "../../lib/i18n/fr";

export interface DeviceCommand {
  id: string;
  label: MessageKey;
  hint: MessageKey;
  /** Erases data or locks the user out: shown in red and confirmed when wired. */
  destructive: boolean;
}

export function commandsFor(detail: DeviceDetail): DeviceCommand[] {
  const lost = detail.summary.lostMode === true || detail.lostMode !== null;
  const list: DeviceCommand[] = [
    { id: "update_inventory", label: "device.command.updateInventory", hint: "device.command.updateInventory.hint", destructive: false },
    { id: "lock", label: "device.command.lock", hint: "device.command.lock.hint", destructive: false },
    { id: "erase", label: "device.command.erase", hint: "device.command.erase.hint", destructive: true },
    { id: "clear_passcode", label: "device.command.clearPasscode", hint: "device.command.clearPasscode.hint", destructive: false },
    lost
      ? { id: "disable_lost_mode", label: "device.command.disableLostMode", hint: "device.command.lostMode.hint", destructive: false }
      : { id: "enable_lost_mode", label: "device.command.enableLostMode", hint: "device.command.lostMode.hint", destructive: false },
  ];
  if (lost) {
    list.push(
      { id: "update_location", label: "device.command.updateLocation", hint: "device.command.updateLocation.hint", destructive: false },
      { id: "play_sound", label: "device.command.playSound", hint: "device.command.playSound.hint", destructive: false },
    );
  }
  list.push(
    { id: "restart", label: "device.command.restart", hint: "device.command.restart.hint", destructive: false },
    { id: "shut_down", label: "device.command.shutDown", hint: "device.command.shutDown.hint", destructive: false },
    { id: "update_os", label: "device.command.updateOs", hint: "device.command.updateOs.hint", destructive: false },
    { id: "refresh_cellular", label: "device.command.refreshCellular", hint: "device.command.refreshCellular.hint", destructive: false },
  );
  if (detail.summary.sharedIpad === true) {
    list.push({ id: "log_out_user", label: "device.command.logOutUser", hint: "device.command.logOutUser.hint", destructive: false });
  }
  return list;
}
