// French catalog: the reference. English must have exactly the same keys (checked by the type).
// Each screen keeps its own messages beside it (messages.ts); they are merged here.
import { fr as inventoryFr } from "../../screens/inventory/messages";
import { fr as deviceFr } from "../../screens/device/messages";
import { fr as dashboardFr } from "../../screens/dashboard/messages";
import { fr as connectionFr } from "../../screens/welcome/messages";
import { fr as syncFr } from "../../lib/components/sync/messages";
import { fr as actionLabelsFr } from "../actions/messages";
import { fr as journalFr } from "../../screens/journal/messages";
import { fr as lostModeFr } from "../../screens/lost-mode/messages";
import { fr as actionDialogFr } from "../components/actions/messages";
import { fr as jobFr } from "../../screens/job/messages";
import { fr as errorDetailFr } from "../errors/messages";
export const fr = {
  "app.name": "Chariot",
  "app.tagline": "Chariots d'iPad",

  "nav.dashboard": "Tableau de bord",
  "nav.inventory": "Inventaire",
  "nav.groups": "Groupes",
  "nav.profiles": "Profils de configuration",
  "nav.apps": "Apps",
  "nav.lostMode": "Mode perdu",
  "nav.asm": "Apple School Manager",
  "nav.zeroTouch": "Zero-touch Android",
  "nav.journal": "Journal",
  "nav.settings": "Réglages",
  "nav.label": "Navigation principale",

  "status.connection.not_configured": "Aucun serveur configuré",
  "status.connection.demo": "Démonstration",
  "status.connection.online": "En ligne",
  "status.connection.offline": "Hors ligne",
  "status.snapshot.none": "Aucune donnée locale",
  "status.snapshot.from": "Données du {date} à {time}",
  "status.snapshot.unknownDate": "Données de date inconnue",
  "status.snapshot.stale": "Données anciennes : synchronisez avant d'agir",
  "status.devices": "{count} appareils",
  "status.devices.one": "1 appareil",
  "status.loading": "Chargement…",

  "age.justNow": "à l'instant",
  "age.minutes": "il y a {n} min",
  "age.hours": "il y a {n} h",
  "age.days": "il y a {n} j",

  "empty.noSnapshot.title": "Aucune donnée synchronisée",
  "empty.noSnapshot.body":
    "Chariot affiche la dernière copie de l'inventaire enregistrée sur cet ordinateur. Aucune synchronisation n'a encore eu lieu : la base locale est vide.",
  "empty.databasePath": "Base locale : {path}",
  "snapshot.ready.title": "{count} appareils dans l'instantané local",
  "snapshot.ready.body":
    "Données synchronisées le {date} à {time}. L'affichage détaillé de cet écran n'est pas encore disponible dans cette version ; la ligne de commande « chariot devices » liste déjà ces appareils.",

  "screen.dashboard.intro":
    "Vue d'ensemble du parc : appareils par rôle et par chariot, versions d'iOS, inventaires anciens, appareils en mode perdu, batteries faibles.",
  "screen.inventory.intro":
    "Tous les appareils de l'instantané local : recherche, filtres, colonnes, tri, export et actions groupées.",
  "screen.groups.intro":
    "Groupes statiques (un par chariot) et groupes dynamiques définis par des critères.",
  "screen.profiles.intro":
    "Profils de configuration (restrictions, Wi-Fi, eSIM…) et leur périmètre : cibles, limitations, exclusions.",
  "screen.apps.intro":
    "Apps du catalogue et autres apps, déploiement automatique ou Self Service, licences VPP.",
  "screen.lostMode.intro":
    "Appareils en mode perdu sur une carte, avec leur dernière position, l'heure du relevé et la batterie.",
  "screen.asm.intro":
    "Comptes élèves et enseignants, classes et licences d'apps d'Apple School Manager.",
  "screen.zeroTouch.intro":
    "Inscription zero-touch Android : configurations, appareils et fichiers CSV du portail.",
  "screen.journal.intro":
    "Journal de toutes les actions envoyées aux appareils : qui, quand, quels appareils, quel résultat.",
  "screen.settings.intro": "Préférences de Chariot sur cet ordinateur.",

  "settings.language": "Langue de l'interface",
  "settings.language.system": "Langue du système ({locale})",
  "settings.language.fr": "Français",
  "settings.language.en": "English",
  "settings.saved": "Réglage enregistré.",
  "settings.about": "À propos",
  "settings.version": "Version",
  "settings.database": "Base locale",
  "settings.logs": "Journaux techniques",
  "settings.staleAfter": "Inventaire considéré comme ancien après",
  "settings.days": "{n} jours",
  "settings.inventory": "Inventaire",
  "settings.staleAfter.unit": "jours",
  "settings.staleAfter.invalid": "Indiquez un nombre entier de jours, entre 1 et 90.",
  "settings.staleAfter.help":
    "Un iPad qui ne communique plus avec Jamf Pro garde ses anciennes informations. Au-delà de ce délai, Chariot le signale : vérifiez toujours la date de mise à jour de l'inventaire avant d'intervenir.",

  "notice.dismiss": "Fermer",
  "notice.details": "Détails",
  "notice.retry": "Réessayer",

  "error.internal": "Erreur interne de Chariot",
  "error.invalid_input": "Valeur non valide",
  "error.not_found": "Élément introuvable",
  "error.database": "Base locale inaccessible",
  "error.database_too_new": "Base locale créée par une version plus récente",
  "error.io": "Fichier inaccessible",
  "error.network": "Serveur injoignable",
  "error.auth": "Accès refusé par le serveur",
  "error.server": "Erreur du serveur",
  "error.cancelled": "Opération annulée",
  "error.not_configured": "Aucun serveur configuré",
  "error.busy": "Une synchronisation est en cours",
  "error.explain.internal": "Un problème inattendu dans Chariot. Le fichier journal contient les détails ; signalez-le si cela se reproduit.",
  "error.explain.invalid_input": "Une valeur saisie n'est pas utilisable. Corrigez-la puis recommencez.",
  "error.explain.not_found": "L'élément demandé n'existe plus dans l'instantané local. Il a peut-être été supprimé de Jamf Pro.",
  "error.explain.database": "La base locale ne peut pas être lue ou écrite. Vérifiez l'espace disque et les droits du dossier de Chariot.",
  "error.explain.database_too_new": "La base locale vient d'une version plus récente de Chariot. Installez cette version ou supprimez la base pour la recréer.",
  "error.explain.io": "Un fichier ne peut pas être lu ou écrit. Choisissez un dossier où vous pouvez écrire.",
  "error.explain.network": "Le serveur ne répond pas. Vérifiez la connexion réseau et l'adresse du serveur ; Chariot continue d'afficher le dernier instantané.",
  "error.explain.auth": "Le serveur refuse l'accès : identifiants incorrects ou privilège manquant pour ce compte. Vérifiez-les dans Réglages › Serveurs (bouton Tester).",
  "error.explain.server": "Le serveur a répondu par une erreur. Réessayez dans quelques minutes ; si cela persiste, vérifiez l'état de Jamf Pro.",
  "error.explain.cancelled": "L'opération a été arrêtée à votre demande ; rien n'a été modifié.",
  "error.explain.not_configured": "Connectez-vous d'abord à Jamf Pro (Réglages › Serveurs) ou essayez l'école de démonstration.",
  "error.explain.busy": "Attendez la fin de la synchronisation, ou annulez-la, puis recommencez.",
  "error.details": "Détails techniques (en anglais)",
  ...inventoryFr,
  ...deviceFr,
  ...dashboardFr,
  ...connectionFr,
  ...syncFr,
  ...actionLabelsFr,
  ...journalFr,
  ...lostModeFr,
  ...actionDialogFr,
  ...jobFr,
  ...errorDetailFr,
} as const;

export type MessageKey = keyof typeof fr;
export type Messages = { readonly [K in MessageKey]: string };
