// Messages of the lost-mode screen and of a device's position (also used by the device's
// Inventaire tab), French and English (same keys; checked by catalogs.test.ts). Merged into the
// app's catalogs by lib/i18n/fr.ts and en.ts. The buttons use the shared action names
// (lib/actions/messages.ts).
// French typography: a non-breaking space (\u00a0) before ":", ";", "%", units, and inside « ».
export const fr = {
  "lostMode.loading": "Chargement des appareils en mode perdu…",
  "lostMode.empty.title": "Aucun appareil en mode perdu",
  "lostMode.empty.body":
    "Pour activer le mode perdu sur un iPad égaré, ouvrez sa fiche depuis l'inventaire, onglet «\u00a0Gestion\u00a0», puis «\u00a0Activer le mode perdu\u00a0». L'iPad se verrouille avec votre message et peut être localisé dès qu'il est allumé et à portée d'un réseau Wi-Fi.",
  "lostMode.empty.link": "Ouvrir l'inventaire",
  "lostMode.count.one": "{count}\u00a0appareil en mode perdu",
  "lostMode.count.other": "{count}\u00a0appareils en mode perdu",
  "lostMode.located.one": "{count}\u00a0localisé",
  "lostMode.located.other": "{count}\u00a0localisés",
  "lostMode.all": "Pour tous\u00a0:",
  "lostMode.offline": "Serveur injoignable\u00a0: les commandes ne peuvent pas être envoyées pour l'instant.",
  "lostMode.notConfigured": "Aucun serveur configuré\u00a0: connectez-vous d'abord à Jamf Pro.",

  "lostMode.list.label": "Appareils en mode perdu",
  "lostMode.noCart": "Sans chariot",
  "lostMode.battery": "Batterie {level}",
  "lostMode.message": "Message\u00a0: «\u00a0{message}\u00a0»",
  "lostMode.phone": "Tél.\u00a0{phone}",
  "lostMode.reported": "Position relevée {age} ({date})",
  "lostMode.reportedUnknown": "Position reçue, heure du relevé inconnue",
  "lostMode.accuracy": "précision ±\u00a0{meters}\u00a0m",
  "lostMode.showOnMap": "Voir sur la carte",
  "lostMode.showOnMap.label": "Voir {name} sur la carte",

  "lostMode.reason.not_in_lost_mode":
    "Le mode perdu n'est pas activé\u00a0: la position n'est connue qu'en mode perdu.",
  "lostMode.reason.not_supervised": "Appareil non supervisé\u00a0: il ne peut pas être localisé.",
  "lostMode.reason.never_reported": "Aucune position reçue\u00a0: demandez-la.",
  "lostMode.reason.request_pending": "Demande de position envoyée, en attente de l'appareil.",
  "lostMode.reason.request_failed": "L'appareil n'a pas pu donner sa position.",
  "lostMode.reason.error": "Erreur\u00a0: {error}",
  "lostMode.reason.requestedAt": "Dernière demande\u00a0: {date} ({age})",
  "lostMode.reason.hint": "L'iPad répond s'il est allumé et à portée d'un réseau Wi-Fi.",
  "lostMode.reason.olderPosition": "La position affichée date d'avant cette demande.",

  "lostMode.map.label": "Carte des appareils en mode perdu",
  "lostMode.map.offline": "Hors ligne\u00a0: fond de carte simplifié (contours des pays).",
  "lostMode.map.simplified": "Fond de carte simplifié (contours des pays).",
  "lostMode.map.noOutlines": "Contours des pays indisponibles.",
  "lostMode.map.none": "Aucun appareil n'a encore donné sa position.",
  "lostMode.map.failed": "La carte n'a pas pu s'afficher\u00a0; la liste reste à jour.",
} as const;

export const en: { readonly [K in keyof typeof fr]: string } = {
  "lostMode.loading": "Loading the devices in lost mode…",
  "lostMode.empty.title": "No device in lost mode",
  "lostMode.empty.body":
    "To enable lost mode on a missing iPad, open it from the inventory, “Management” tab, then “Enable lost mode”. The iPad locks with your message and can be located as soon as it is on and within reach of a Wi-Fi network.",
  "lostMode.empty.link": "Open the inventory",
  "lostMode.count.one": "{count} device in lost mode",
  "lostMode.count.other": "{count} devices in lost mode",
  "lostMode.located.one": "{count} located",
  "lostMode.located.other": "{count} located",
  "lostMode.all": "For all:",
  "lostMode.offline": "Server unreachable: commands cannot be sent for now.",
  "lostMode.notConfigured": "No server configured: connect to Jamf Pro first.",

  "lostMode.list.label": "Devices in lost mode",
  "lostMode.noCart": "No cart",
  "lostMode.battery": "Battery {level}",
  "lostMode.message": "Message: “{message}”",
  "lostMode.phone": "Phone {phone}",
  "lostMode.reported": "Position reported {age} ({date})",
  "lostMode.reportedUnknown": "Position received, time of the report unknown",
  "lostMode.accuracy": "accuracy ± {meters} m",
  "lostMode.showOnMap": "Show on the map",
  "lostMode.showOnMap.label": "Show {name} on the map",

  "lostMode.reason.not_in_lost_mode": "Lost mode is not enabled: the position is only known in lost mode.",
  "lostMode.reason.not_supervised": "Device not supervised: it cannot be located.",
  "lostMode.reason.never_reported": "No position received: request it.",
  "lostMode.reason.request_pending": "Location request sent, waiting for the device.",
  "lostMode.reason.request_failed": "The device could not give its position.",
  "lostMode.reason.error": "Error: {error}",
  "lostMode.reason.requestedAt": "Last request: {date} ({age})",
  "lostMode.reason.hint": "The iPad answers when it is on and within reach of a Wi-Fi network.",
  "lostMode.reason.olderPosition": "The position shown predates this request.",

  "lostMode.map.label": "Map of the devices in lost mode",
  "lostMode.map.offline": "Offline: simplified base map (country outlines).",
  "lostMode.map.simplified": "Simplified base map (country outlines).",
  "lostMode.map.noOutlines": "Country outlines unavailable.",
  "lostMode.map.none": "No device has reported its position yet.",
  "lostMode.map.failed": "The map could not be shown; the list stays up to date.",
};
