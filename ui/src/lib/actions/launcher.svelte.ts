// One way for any screen to ask for an action on devices: the inventory's selection bar, the
// device's Gestion tab and the lost-mode screen call requestAction(); the ActionHost mounted
// once in App.svelte opens the confirmation dialog for it.
import type { ActionKind } from "../bindings";

export interface ActionLaunch {
  kind: ActionKind;
  deviceIds: string[];
  /** Delete user: the Shared iPad's local accounts to pick from. */
  users?: string[];
}

export const launcher = $state<{ pending: ActionLaunch | null }>({ pending: null });

export function requestAction(launch: ActionLaunch): void {
  launcher.pending = launch;
}

export function closeAction(): void {
  launcher.pending = null;
}
