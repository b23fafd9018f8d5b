// Messages of the actions on devices: the confirmation dialog, the refusal reasons, and what each
// device state of a job means (the job screen's legend). The names of the actions and of the
// states are shared with the journal: lib/actions/messages.ts. French and English (same keys;
// checked by catalogs.test.ts). Merged into the app's catalogs by lib/i18n/fr.ts and en.ts.
// French typography: a non-breaking space (\u00a0) before ":", ";", "?", "!" and inside « ».
export const fr = {
  // The dialog's title: {target} is "15 appareils" or the device's name.
  "action.title.update_inventory": "Mettre à jour l'inventaire de {target}",
  "action.title.restart": "Redémarrer {target}",
  "action.title.shut_down": "Éteindre {target}",
  "action.title.enable_lost_mode": "Activer le mode perdu sur {target}",
  "action.title.disable_lost_mode": "Désactiver le mode perdu sur {target}",
  "action.title.play_lost_mode_sound": "Faire sonner {target}",
  "action.title.update_location": "Demander la position de {target}",
  "action.title.clear_passcode": "Effacer le code de {target}",
  "action.title.delete_user": "Supprimer un utilisateur de {target}",
  "action.title.log_out_user": "Déconnecter l'utilisateur de {target}",
  "action.title.erase": "Effacer {target}",
  "action.title.refresh_cellular_plans": "Actualiser les forfaits cellulaires de {target}",
  "action.title.update_os": "Mettre à jour iOS sur {target}",
  "action.target.one": "{count}\u00a0appareil",
  "action.target.other": "{count}\u00a0appareils",

  // What the action does, in a sentence, under the title.
  "action.what.update_inventory":
    "Chaque iPad renvoie ses informations à Jamf Pro (batterie, capacité, apps…) dès qu'il est allumé et connecté au Wi-Fi.",
  "action.what.restart": "Les iPad redémarrent dès qu'ils reçoivent la commande.",
  "action.what.shut_down": "Les iPad s'éteignent dès qu'ils reçoivent la commande. Il faudra les rallumer à la main.",
  "action.what.enable_lost_mode":
    "Verrouille l'iPad avec votre message à l'écran et permet de le localiser. Il ne peut plus être utilisé tant que le mode perdu n'est pas désactivé.",
  "action.what.disable_lost_mode": "Déverrouille l'iPad et retire le message du mode perdu.",
  "action.what.play_lost_mode_sound": "L'iPad en mode perdu émet un son pour être retrouvé, même en silencieux.",
  "action.what.update_location":
    "L'iPad en mode perdu renvoie sa position. Elle apparaît dans Mode perdu quand il répond.",
  "action.what.clear_passcode":
    "Supprime le code de verrouillage et Touch ID de l'iPad professeur. À utiliser quand le code est oublié.",
  "action.what.delete_user":
    "Supprime le compte local de l'élève sur l'iPad partagé, avec ses données qui n'ont pas été synchronisées.",
  "action.what.log_out_user": "Ferme la session de l'élève connecté à l'iPad partagé.",
  "action.what.erase":
    "Remet l'iPad à zéro\u00a0: tous les contenus et réglages sont supprimés. Il se réinscrit ensuite dans Jamf Pro au démarrage.",
  "action.what.refresh_cellular_plans":
    "L'iPad télécharge, installe et active son eSIM depuis le serveur de l'opérateur. Cela peut prendre jusqu'à 3\u00a0minutes.",
  "action.what.update_os":
    "Crée un plan de mise à jour dans Jamf Pro pour chaque iPad supervisé\u00a0: téléchargement, installation et redémarrage selon votre choix.",

  // Parameters.
  "action.field.message": "Message affiché sur l'écran verrouillé",
  "action.field.message.placeholder": "iPad du collège. Merci de le rapporter à la vie scolaire.",
  "action.field.phone": "Numéro de téléphone",
  "action.field.phone.placeholder": "05 61 00 00 00",
  "action.field.footnote": "Note de bas d'écran",
  "action.field.optional": "facultatif",
  "action.field.alwaysEnforce": "Toujours appliquer le mode perdu",
  "action.field.alwaysEnforce.hint": "Le mode perdu se réactive même après une restauration de l'iPad.",
  "action.field.user": "Compte à supprimer",
  "action.field.user.choose": "Choisissez un compte…",
  "action.field.user.typed": "Identifiant Apple géré du compte",
  "action.field.user.noList":
    "L'instantané local ne connaît pas les comptes de cet iPad\u00a0: saisissez l'identifiant Apple géré.",
  "action.field.force": "Supprimer même si des données restent à synchroniser",
  "action.field.force.hint": "Les documents de l'élève qui ne sont pas encore dans iCloud seront perdus.",
  "action.field.preserveDataPlan": "Conserver le forfait cellulaire (eSIM)",
  "action.field.preserveDataPlan.hint":
    "Sans cette option, l'eSIM est supprimée\u00a0; l'opérateur ne permet pas toujours de la télécharger à nouveau.",
  "action.field.disallowProximity": "Interdire la configuration de proximité",
  "action.field.disallowProximity.hint":
    "Empêche de configurer l'iPad effacé en l'approchant d'un autre appareil Apple.",
  "action.field.esimUrl": "Adresse du serveur eSIM de l'opérateur (SM-DP+)",
  "action.field.esimUrl.hint": "Fournie par l'opérateur, elle commence par https://",
  "action.field.osInstall": "Installation",
  "action.field.osInstall.download_install_restart": "Télécharger, installer et redémarrer",
  "action.field.osInstall.download_only": "Télécharger seulement (l'utilisateur installe)",
  "action.field.osVersion": "Version",
  "action.field.osVersion.latest_minor": "Dernière mise à jour de la version installée (ex.\u00a018.6 → 18.6.2)",
  "action.field.osVersion.latest_any": "Dernière version possible pour chaque iPad",
  "action.field.osVersion.specific": "Une version précise",
  "action.field.osVersion.label": "Version d'iOS à installer",
  "action.field.osVersion.choose": "Choisissez une version…",
  "action.field.osVersion.loading": "Lecture des versions proposées par le serveur…",
  "action.field.osVersion.failed":
    "La liste des versions n'a pas pu être lue sur le serveur\u00a0: saisissez la version (par exemple 18.6.2).",
  "action.field.osVersion.none": "Le serveur ne propose aucune version\u00a0: saisissez la version (par exemple 18.6.2).",
  "action.field.osRestart.warning":
    "Les iPad redémarrent pendant l'installation\u00a0: les élèves perdent leur travail non enregistré. Choisissez un moment où ils ne sont pas utilisés.",

  "action.invalid.lostMode": "Saisissez un message ou un numéro de téléphone à afficher sur l'écran verrouillé.",
  "action.invalid.user": "Choisissez le compte à supprimer.",
  "action.invalid.esimUrl": "Saisissez l'adresse du serveur eSIM, qui commence par https://",
  "action.invalid.osVersion": "Choisissez la version d'iOS à installer (par exemple 18.6.2).",

  // The plan.
  "action.plan.loading": "Vérification des appareils…",
  "action.plan.toSendAll.one": "L'appareil recevra la commande.",
  "action.plan.toSendAll.other": "Les {count}\u00a0appareils recevront la commande.",
  "action.plan.toSend.one": "{count}\u00a0appareil sur {total} recevra la commande.",
  "action.plan.toSend.other": "{count}\u00a0appareils sur {total} recevront la commande.",
  "action.plan.nothing": "Aucun des appareils choisis ne peut recevoir cette commande.",
  "action.plan.missing.one":
    "{count}\u00a0appareil choisi n'est plus dans l'instantané local (supprimé de Jamf Pro\u00a0?)\u00a0: il est ignoré.",
  "action.plan.missing.other":
    "{count}\u00a0appareils choisis ne sont plus dans l'instantané local (supprimés de Jamf Pro\u00a0?)\u00a0: ils sont ignorés.",
  "action.plan.refused.one": "{count}\u00a0appareil ne recevra pas la commande",
  "action.plan.refused.other": "{count}\u00a0appareils ne recevront pas la commande",
  "action.plan.more.one": "et {count}\u00a0autre",
  "action.plan.more.other": "et {count}\u00a0autres",
  "action.plan.stale.one": "{count}\u00a0appareil n'a pas mis à jour son inventaire depuis plus de {days}\u00a0jours",
  "action.plan.stale.other":
    "{count}\u00a0appareils n'ont pas mis à jour leur inventaire depuis plus de {days}\u00a0jours",
  "action.plan.stale.hint.one":
    "Il recevra la commande à sa prochaine connexion. Vérifiez qu'il est allumé et connecté au Wi-Fi.",
  "action.plan.stale.hint.other":
    "Ils recevront la commande à leur prochaine connexion. Vérifiez qu'ils sont allumés et connectés au Wi-Fi.",
  "action.plan.stale.date": "{date} ({age})",
  "action.plan.stale.never": "inventaire jamais reçu",
  "action.plan.unavailable.title": "Ce serveur Jamf Pro ne permet pas cette action",
  "action.plan.unavailable.body": "Sa version est trop ancienne. Demandez à l'administrateur de Jamf Pro de la mettre à jour.",
  "action.plan.unavailable.versions": "Version du serveur : {version} ; cette action demande Jamf Pro {needed} ou plus récent.",

  // Why a device is left out (Refusal).
  "action.refusal.not_supervised":
    "Non supervisés (ou supervision inconnue)\u00a0: le mode perdu, le son, la position et la mise à jour d'iOS exigent un iPad supervisé.",
  "action.refusal.shared_ipad": "iPad partagés\u00a0: Apple ne permet pas d'effacer leur code.",
  "action.refusal.student_ipad": "iPad élèves\u00a0: l'effacement du code est réservé aux iPad professeurs.",
  "action.refusal.not_shared_ipad": "Pas des iPad partagés\u00a0: ils n'ont pas de comptes d'élèves à gérer.",
  "action.refusal.not_in_lost_mode": "Pas en mode perdu\u00a0: activez d'abord le mode perdu.",
  "action.refusal.user_not_on_device": "Ce compte n'existe pas sur ces iPad.",
  "action.refusal.no_management_id":
    "Identifiant de gestion absent de l'instantané local\u00a0: synchronisez, puis recommencez.",

  // Erase.
  "action.erase.warning":
    "L'effacement est définitif\u00a0: toutes les données, apps et réglages seront supprimés et ne pourront pas être récupérés.",
  "action.erase.type": "Tapez «\u00a0{expected}\u00a0» pour confirmer",
  "action.erase.mismatch": "Tapez «\u00a0{expected}\u00a0» pour confirmer l'effacement.",

  // Why the action cannot be sent now.
  "action.blocked.offline": "Serveur injoignable\u00a0: les actions ne peuvent pas être envoyées pour l'instant.",
  "action.blocked.notConfigured": "Aucun serveur configuré\u00a0: connectez-vous d'abord à Jamf Pro.",

  "action.cancel": "Annuler",
  "action.close": "Fermer",
  "action.confirm": "Envoyer",
  "action.confirm.one": "Envoyer à {count}\u00a0appareil",
  "action.confirm.other": "Envoyer à {count}\u00a0appareils",
  "action.sending": "Envoi…",
  "action.error.plan": "Impossible de vérifier les appareils",
  "action.error.start": "L'action n'a pas été envoyée",

  // What each state of a device in a job means (the names are in lib/actions/messages.ts), and
  // "waiting" (submitted or pending), one of the job's counts.
  "action.bucket.waiting": "En attente",
  "action.stateHelp.not_sent": "Chariot n'a pas encore transmis la commande au serveur Jamf Pro.",
  "action.stateHelp.submitted": "Jamf Pro a accepté la commande\u00a0; elle attend que l'iPad se connecte.",
  "action.stateHelp.pending":
    "La commande attend l'iPad\u00a0: elle s'exécutera quand il sera allumé et connecté au Wi-Fi.",
  "action.stateHelp.waiting":
    "Jamf Pro a la commande\u00a0; elle s'exécutera quand l'iPad sera allumé et connecté au Wi-Fi.",
  "action.stateHelp.not_now":
    "L'iPad a répondu «\u00a0pas maintenant\u00a0» (verrouillé ou occupé)\u00a0: il réessaiera de lui-même.",
  "action.stateHelp.done": "L'iPad a exécuté la commande.",
  "action.stateHelp.failed":
    "L'iPad ou le serveur a répondu par une erreur (voir le détail). Vous pouvez renvoyer la commande.",
  "action.stateHelp.unknown":
    "La demande n'a pas eu de réponse à temps\u00a0: le serveur a peut-être agi. Chariot ne renvoie jamais sans vous.",
  "action.stateHelp.refused":
    "L'appareil ne remplit pas une condition (voir le détail)\u00a0: rien ne lui a été envoyé.",
} as const;

export const en: { readonly [K in keyof typeof fr]: string } = {
  "action.title.update_inventory": "Update the inventory of {target}",
  "action.title.restart": "Restart {target}",
  "action.title.shut_down": "Shut down {target}",
  "action.title.enable_lost_mode": "Enable lost mode on {target}",
  "action.title.disable_lost_mode": "Disable lost mode on {target}",
  "action.title.play_lost_mode_sound": "Play a sound on {target}",
  "action.title.update_location": "Request the location of {target}",
  "action.title.clear_passcode": "Clear the passcode of {target}",
  "action.title.delete_user": "Delete a user from {target}",
  "action.title.log_out_user": "Log the user out of {target}",
  "action.title.erase": "Erase {target}",
  "action.title.refresh_cellular_plans": "Refresh the cellular plans of {target}",
  "action.title.update_os": "Update iOS on {target}",
  "action.target.one": "{count} device",
  "action.target.other": "{count} devices",

  "action.what.update_inventory":
    "Each iPad sends its information to Jamf Pro again (battery, capacity, apps…) as soon as it is on and connected to Wi-Fi.",
  "action.what.restart": "The iPads restart as soon as they receive the command.",
  "action.what.shut_down": "The iPads shut down as soon as they receive the command. Someone will have to turn them on again.",
  "action.what.enable_lost_mode":
    "Locks the iPad with your message on screen and lets you locate it. It cannot be used until lost mode is disabled.",
  "action.what.disable_lost_mode": "Unlocks the iPad and removes the lost-mode message.",
  "action.what.play_lost_mode_sound": "The iPad in lost mode plays a sound so it can be found, even when muted.",
  "action.what.update_location":
    "The iPad in lost mode reports its position. It appears in Lost mode when it answers.",
  "action.what.clear_passcode":
    "Removes the passcode and Touch ID of the teacher iPad. Use it when the passcode is forgotten.",
  "action.what.delete_user":
    "Deletes the student's local account from the Shared iPad, with any data not yet synced.",
  "action.what.log_out_user": "Ends the session of the student logged in to the Shared iPad.",
  "action.what.erase":
    "Resets the iPad: all content and settings are deleted. It enrols in Jamf Pro again when it starts.",
  "action.what.refresh_cellular_plans":
    "The iPad downloads, installs and activates its eSIM from the carrier's server. This can take up to 3 minutes.",
  "action.what.update_os":
    "Creates an update plan in Jamf Pro for each supervised iPad: download, install and restart as you choose.",

  "action.field.message": "Message shown on the lock screen",
  "action.field.message.placeholder": "School iPad. Please return it to the school office.",
  "action.field.phone": "Phone number",
  "action.field.phone.placeholder": "+33 5 61 00 00 00",
  "action.field.footnote": "Footnote",
  "action.field.optional": "optional",
  "action.field.alwaysEnforce": "Always enforce lost mode",
  "action.field.alwaysEnforce.hint": "Lost mode comes back even after the iPad is restored.",
  "action.field.user": "Account to delete",
  "action.field.user.choose": "Choose an account…",
  "action.field.user.typed": "Managed Apple Account of the user",
  "action.field.user.noList":
    "The local snapshot does not know this iPad's accounts: type the Managed Apple Account.",
  "action.field.force": "Delete even if data is still waiting to sync",
  "action.field.force.hint": "The student's documents not yet in iCloud will be lost.",
  "action.field.preserveDataPlan": "Keep the cellular plan (eSIM)",
  "action.field.preserveDataPlan.hint":
    "Without this option the eSIM is deleted; carriers do not always allow downloading it again.",
  "action.field.disallowProximity": "Disallow proximity setup",
  "action.field.disallowProximity.hint":
    "Prevents setting up the erased iPad by bringing another Apple device near it.",
  "action.field.esimUrl": "Carrier's eSIM server address (SM-DP+)",
  "action.field.esimUrl.hint": "Given by the carrier; it starts with https://",
  "action.field.osInstall": "Installation",
  "action.field.osInstall.download_install_restart": "Download, install and restart",
  "action.field.osInstall.download_only": "Download only (the user installs)",
  "action.field.osVersion": "Version",
  "action.field.osVersion.latest_minor": "Latest update of the installed version (e.g. 18.6 → 18.6.2)",
  "action.field.osVersion.latest_any": "Latest version possible for each iPad",
  "action.field.osVersion.specific": "A specific version",
  "action.field.osVersion.label": "iOS version to install",
  "action.field.osVersion.choose": "Choose a version…",
  "action.field.osVersion.loading": "Reading the versions the server offers…",
  "action.field.osVersion.failed": "The list of versions could not be read from the server: type the version (e.g. 18.6.2).",
  "action.field.osVersion.none": "The server offers no version: type the version (e.g. 18.6.2).",
  "action.field.osRestart.warning":
    "The iPads restart during the installation: students lose their unsaved work. Choose a time when they are not in use.",

  "action.invalid.lostMode": "Type a message or a phone number to show on the lock screen.",
  "action.invalid.user": "Choose the account to delete.",
  "action.invalid.esimUrl": "Type the eSIM server address, starting with https://",
  "action.invalid.osVersion": "Choose the iOS version to install (e.g. 18.6.2).",

  "action.plan.loading": "Checking the devices…",
  "action.plan.toSendAll.one": "The device will receive the command.",
  "action.plan.toSendAll.other": "All {count} devices will receive the command.",
  "action.plan.toSend.one": "{count} device of {total} will receive the command.",
  "action.plan.toSend.other": "{count} devices of {total} will receive the command.",
  "action.plan.nothing": "None of the chosen devices can receive this command.",
  "action.plan.missing.one":
    "{count} chosen device is no longer in the local snapshot (deleted from Jamf Pro?): it is left out.",
  "action.plan.missing.other":
    "{count} chosen devices are no longer in the local snapshot (deleted from Jamf Pro?): they are left out.",
  "action.plan.refused.one": "{count} device will not receive the command",
  "action.plan.refused.other": "{count} devices will not receive the command",
  "action.plan.more.one": "and {count} other",
  "action.plan.more.other": "and {count} others",
  "action.plan.stale.one": "{count} device has not updated its inventory for more than {days} days",
  "action.plan.stale.other": "{count} devices have not updated their inventory for more than {days} days",
  "action.plan.stale.hint.one":
    "It will receive the command when it next connects. Check that it is on and connected to Wi-Fi.",
  "action.plan.stale.hint.other":
    "They will receive the command when they next connect. Check that they are on and connected to Wi-Fi.",
  "action.plan.stale.date": "{date} ({age})",
  "action.plan.stale.never": "inventory never received",
  "action.plan.unavailable.title": "This Jamf Pro server cannot do this action",
  "action.plan.unavailable.body": "Its version is too old. Ask the Jamf Pro administrator to update it.",
  "action.plan.unavailable.versions": "Server version: {version}; this action needs Jamf Pro {needed} or later.",

  "action.refusal.not_supervised":
    "Not supervised (or supervision unknown): lost mode, sound, location and iOS updates need a supervised iPad.",
  "action.refusal.shared_ipad": "Shared iPads: Apple does not allow clearing their passcode.",
  "action.refusal.student_ipad": "Student iPads: clearing the passcode is for teacher iPads.",
  "action.refusal.not_shared_ipad": "Not Shared iPads: they have no student accounts to manage.",
  "action.refusal.not_in_lost_mode": "Not in lost mode: enable lost mode first.",
  "action.refusal.user_not_on_device": "This account does not exist on these iPads.",
  "action.refusal.no_management_id": "No management id in the local snapshot: synchronise, then try again.",

  "action.erase.warning":
    "Erasing cannot be undone: all data, apps and settings will be deleted and cannot be recovered.",
  "action.erase.type": "Type “{expected}” to confirm",
  "action.erase.mismatch": "Type “{expected}” to confirm the erase.",

  "action.blocked.offline": "Server unreachable: actions cannot be sent for now.",
  "action.blocked.notConfigured": "No server configured: connect to Jamf Pro first.",

  "action.cancel": "Cancel",
  "action.close": "Close",
  "action.confirm": "Send",
  "action.confirm.one": "Send to {count} device",
  "action.confirm.other": "Send to {count} devices",
  "action.sending": "Sending…",
  "action.error.plan": "The devices could not be checked",
  "action.error.start": "The action was not sent",

  "action.bucket.waiting": "Waiting",
  "action.stateHelp.not_sent": "Chariot has not passed the command to the Jamf Pro server yet.",
  "action.stateHelp.submitted": "Jamf Pro accepted the command; it waits for the iPad to connect.",
  "action.stateHelp.pending": "The command waits for the iPad: it runs when the iPad is on and connected to Wi-Fi.",
  "action.stateHelp.waiting": "Jamf Pro has the command; it runs when the iPad is on and connected to Wi-Fi.",
  "action.stateHelp.not_now": "The iPad answered “not now” (locked or busy): it will try again by itself.",
  "action.stateHelp.done": "The iPad carried out the command.",
  "action.stateHelp.failed": "The iPad or the server answered with an error (see the detail). You can send it again.",
  "action.stateHelp.unknown":
    "The request got no answer in time: the server may have acted. Chariot never sends again without you.",
  "action.stateHelp.refused": "The device does not meet a condition (see the detail): nothing was sent to it.",
};
