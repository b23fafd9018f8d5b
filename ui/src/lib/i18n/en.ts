import type { Messages } from "./fr";
import { en as inventoryEn } from "../../screens/inventory/messages";
import { en as deviceEn } from "../../screens/device/messages";
import { en as dashboardEn } from "../../screens/dashboard/messages";
import { en as connectionEn } from "../../screens/welcome/messages";
import { en as syncEn } from "../../lib/components/sync/messages";
import { en as actionLabelsEn } from "../actions/messages";
import { en as journalEn } from "../../screens/journal/messages";
import { en as lostModeEn } from "../../screens/lost-mode/messages";
import { en as actionDialogEn } from "../components/actions/messages";
import { en as jobEn } from "../../screens/job/messages";
import { en as errorDetailEn } from "../errors/messages";

export const en: Messages = {
  "app.name": "Chariot",
  "app.tagline": "iPad cart console",

  "nav.dashboard": "Dashboard",
  "nav.inventory": "Inventory",
  "nav.groups": "Groups",
  "nav.profiles": "Configuration profiles",
  "nav.apps": "Apps",
  "nav.lostMode": "Lost mode",
  "nav.asm": "Apple School Manager",
  "nav.zeroTouch": "Android zero-touch",
  "nav.journal": "Journal",
  "nav.settings": "Settings",
  "nav.label": "Main navigation",

  "status.connection.not_configured": "No server configured",
  "status.connection.demo": "Demo",
  "status.connection.online": "Online",
  "status.connection.offline": "Offline",
  "status.snapshot.none": "No local data",
  "status.snapshot.from": "Data from {date} at {time}",
  "status.snapshot.unknownDate": "Data of unknown date",
  "status.snapshot.stale": "Old data: sync before acting",
  "status.devices": "{count} devices",
  "status.devices.one": "1 device",
  "status.loading": "Loading…",

  "age.justNow": "just now",
  "age.minutes": "{n} min ago",
  "age.hours": "{n} h ago",
  "age.days": "{n} d ago",

  "empty.noSnapshot.title": "No synced data yet",
  "empty.noSnapshot.body":
    "Chariot shows the last copy of the inventory saved on this computer. No sync has run yet, so the local database is empty.",
  "empty.databasePath": "Local database: {path}",
  "snapshot.ready.title": "{count} devices in the local snapshot",
  "snapshot.ready.body":
    "Data synced on {date} at {time}. This screen's detailed view is not available in this version yet; the command line `chariot devices` already lists these devices.",

  "screen.dashboard.intro":
    "Fleet overview: devices by role and by cart, iOS versions, stale inventory, devices in lost mode, low batteries.",
  "screen.inventory.intro":
    "Every device in the local snapshot: search, filters, columns, sorting, export and group actions.",
  "screen.groups.intro": "Static groups (one per cart) and smart groups defined by criteria.",
  "screen.profiles.intro":
    "Configuration profiles (restrictions, Wi-Fi, eSIM…) and their scope: targets, limitations, exclusions.",
  "screen.apps.intro":
    "Catalog apps and other apps, automatic or Self Service deployment, VPP licences.",
  "screen.lostMode.intro":
    "Devices in lost mode on a map, with their last position, the time of the report and the battery.",
  "screen.asm.intro": "Apple School Manager student and teacher accounts, classes and app licences.",
  "screen.zeroTouch.intro":
    "Android zero-touch enrollment: configurations, devices and the portal's CSV files.",
  "screen.journal.intro":
    "Journal of every action sent to devices: who, when, which devices, what result.",
  "screen.settings.intro": "Chariot preferences on this computer.",

  "settings.language": "Interface language",
  "settings.language.system": "System language ({locale})",
  "settings.language.fr": "Français",
  "settings.language.en": "English",
  "settings.saved": "Setting saved.",
  "settings.about": "About",
  "settings.version": "Version",
  "settings.database": "Local database",
  "settings.logs": "Technical logs",
  "settings.staleAfter": "Inventory counts as stale after",
  "settings.days": "{n} days",
  "settings.inventory": "Inventory",
  "settings.staleAfter.unit": "days",
  "settings.staleAfter.invalid": "Enter a whole number of days, from 1 to 90.",
  "settings.staleAfter.help":
    "An iPad that no longer talks to Jamf Pro keeps its old information. Past this delay, Chariot flags it: always check the inventory update date before acting.",

  "notice.dismiss": "Dismiss",
  "notice.details": "Details",
  "notice.retry": "Try again",

  "error.internal": "Internal error in Chariot",
  "error.invalid_input": "Invalid value",
  "error.not_found": "Not found",
  "error.database": "Local database unavailable",
  "error.database_too_new": "Local database made by a newer version",
  "error.io": "File unavailable",
  "error.network": "Server unreachable",
  "error.auth": "Access refused by the server",
  "error.server": "Server error",
  "error.cancelled": "Operation cancelled",
  "error.not_configured": "No server configured",
  "error.busy": "A sync is running",
  "error.explain.internal": "Something unexpected went wrong in Chariot. The log file has the details; report it if it happens again.",
  "error.explain.invalid_input": "A value you entered cannot be used. Correct it and try again.",
  "error.explain.not_found": "What you asked for is no longer in the local snapshot. It may have been deleted from Jamf Pro.",
  "error.explain.database": "The local database cannot be read or written. Check the free disk space and the rights on Chariot's folder.",
  "error.explain.database_too_new": "The local database comes from a newer Chariot. Install that version, or delete the database to rebuild it.",
  "error.explain.io": "A file cannot be read or written. Choose a folder you can write to.",
  "error.explain.network": "The server does not answer. Check the network connection and the server address; Chariot keeps showing the last snapshot.",
  "error.explain.auth": "The server refuses access: wrong credentials or a privilege this account lacks. Check them in Settings › Servers (Test button).",
  "error.explain.server": "The server answered with an error. Try again in a few minutes; if it persists, check Jamf Pro's status.",
  "error.explain.cancelled": "The operation was stopped at your request; nothing was changed.",
  "error.explain.not_configured": "Connect to Jamf Pro first (Settings › Servers) or try the demonstration school.",
  "error.explain.busy": "Wait for the sync to finish, or cancel it, then try again.",
  "error.details": "Technical details",
  ...inventoryEn,
  ...deviceEn,
  ...dashboardEn,
  ...connectionEn,
  ...syncEn,
  ...actionLabelsEn,
  ...journalEn,
  ...lostModeEn,
  ...actionDialogEn,
  ...jobEn,
  ...errorDetailEn,
};
