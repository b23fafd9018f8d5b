// Names of the actions and of a device's state in a job, shared by every screen that shows them
// (the confirmation dialog, the job screen, the journal). Merged into lib/i18n/fr.ts and en.ts.
// French typography: a non-breaking space (\u00a0) before ":", ";", "%", units, and inside « ».
export const fr = {
  "actionKind.update_inventory": "Mettre à jour l'inventaire",
  "actionKind.restart": "Redémarrer",
  "actionKind.shut_down": "Éteindre",
  "actionKind.enable_lost_mode": "Activer le mode perdu",
  "actionKind.disable_lost_mode": "Désactiver le mode perdu",
  "actionKind.play_lost_mode_sound": "Faire sonner",
  "actionKind.update_location": "Demander la position",
  "actionKind.clear_passcode": "Effacer le code",
  "actionKind.delete_user": "Supprimer un utilisateur",
  "actionKind.log_out_user": "Déconnecter l'utilisateur",
  "actionKind.erase": "Effacer tous les contenus et réglages",
  "actionKind.refresh_cellular_plans": "Actualiser les forfaits cellulaires",
  "actionKind.update_os": "Mettre à jour iOS",
  "actionKind.unknown": "Action inconnue",

  "targetState.not_sent": "Pas encore envoyée",
  "targetState.submitted": "Envoyée",
  "targetState.pending": "En attente de l'appareil",
  "targetState.not_now": "Appareil occupé, nouvel essai prévu",
  "targetState.done": "Réussie",
  "targetState.failed": "Échouée",
  "targetState.unknown": "Résultat inconnu",
  "targetState.refused": "Refusée",
} as const;

export const en: { readonly [K in keyof typeof fr]: string } = {
  "actionKind.update_inventory": "Update inventory",
  "actionKind.restart": "Restart",
  "actionKind.shut_down": "Shut down",
  "actionKind.enable_lost_mode": "Enable lost mode",
  "actionKind.disable_lost_mode": "Disable lost mode",
  "actionKind.play_lost_mode_sound": "Play sound",
  "actionKind.update_location": "Request location",
  "actionKind.clear_passcode": "Clear passcode",
  "actionKind.delete_user": "Delete a user",
  "actionKind.log_out_user": "Log out user",
  "actionKind.erase": "Erase all content and settings",
  "actionKind.refresh_cellular_plans": "Refresh cellular plans",
  "actionKind.update_os": "Update iOS",
  "actionKind.unknown": "Unknown action",

  "targetState.not_sent": "Not sent yet",
  "targetState.submitted": "Sent",
  "targetState.pending": "Waiting for the device",
  "targetState.not_now": "Device busy, will retry",
  "targetState.done": "Done",
  "targetState.failed": "Failed",
  "targetState.unknown": "Unknown result",
  "targetState.refused": "Refused",
};
