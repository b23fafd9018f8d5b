// The connection form's rules, kept out of the component so they can be tested plainly.
import type { AuthKind, ProfileDraft, ServerProfile } from "../../lib/bindings";

export type UrlProblem = "empty" | "scheme" | "invalid";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Jamf Pro is reached over HTTPS; only a loopback address (a local simulator) may use http. */
export function urlProblem(raw: string): UrlProblem | null {
  const value = raw.trim();
  if (value === "") return "empty";
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (!scheme) return "scheme";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "invalid";
  }
  if (url.hostname === "") return "invalid";
  if (scheme === "https") return null;
  if (scheme === "http" && LOOPBACK.test(url.hostname)) return null;
  return "scheme";
}

/** The host of an address, for a label left empty ("ecollege31.jamfcloud.com"). */
export function hostOf(raw: string): string {
  try {
    return new URL(raw.trim()).host;
  } catch {
    return raw.trim();
  }
}

export interface FormValues {
  label: string;
  serverUrl: string;
  auth: AuthKind;
  account: string;
  secret: string;
}

export function initialValues(profile: ServerProfile | null): FormValues {
  return {
    label: profile?.label ?? "",
    serverUrl: profile?.serverUrl ?? "",
    auth: profile?.auth ?? "user",
    account: profile?.account ?? "",
    secret: "",
  };
}

/** The draft sent to the back end; an empty secret while editing keeps the saved one. */
export function toDraft(values: FormValues, id: string | null): ProfileDraft {
  const serverUrl = values.serverUrl.trim().replace(/\/+$/, "");
  return {
    id,
    label: values.label.trim() || hostOf(serverUrl),
    serverUrl,
    auth: values.auth,
    account: values.account.trim(),
    secret: values.secret === "" ? null : values.secret,
  };
}

/**
 * Everything needed to try it: an address, an account, and a secret, unless a saved profile is
 * edited with the same server and account (its secret stays in the keychain).
 */
export function isComplete(values: FormValues, saved: ServerProfile | null): boolean {
  return (
    urlProblem(values.serverUrl) === null &&
    values.account.trim() !== "" &&
    (values.secret !== "" || (saved !== null && !secretNeeded(values, saved)))
  );
}

/** Editing moved the profile to another server or account: the saved secret no longer fits. */
export function secretNeeded(values: FormValues, saved: ServerProfile): boolean {
  const draft = toDraft(values, saved.id);
  return draft.serverUrl !== saved.serverUrl.replace(/\/+$/, "") || draft.account !== saved.account;
}
