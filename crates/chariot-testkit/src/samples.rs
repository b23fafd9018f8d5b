//! Jamf payloads for tests. [`ours`] reads the fixtures of `fixtures/jamf/` (our own files,
//! written from the facts of the reference: see the README there), so a bare clone passes
//! its tests. [`real`] reads the reference sample a fixture reproduces, when the reference
//! folder is there; tests use it for an extra check and skip that check quietly otherwise.

use std::path::PathBuf;

/// Each fixture with the reference sample whose shape (field names, JSON types, nesting,
/// element names) it reproduces, relative to `jamf-samples/`.
pub const REFERENCE: &[(&str, &str)] = &[
    (
        "auth/token.json",
        "auth/jamfpro-v1-auth-token.recorded.json",
    ),
    (
        "auth/token-jwt.json",
        "auth/jamfpro-v1-auth-token.openapi-example.json",
    ),
    (
        "auth/oauth-token.json",
        "auth/oauth-token-response.learn-jamf-docs-example.json",
    ),
    (
        "errors/401-after-invalidate.json",
        "errors/jamfpro-401-after-invalidate-token.json",
    ),
    (
        "errors/401-invalid-token.json",
        "errors/jamfpro-401-invalid-token.json",
    ),
    (
        "errors/503-msu-toggle-off.json",
        "errors/jamfpro-503-managed-software-updates-toggle-off.json",
    ),
    (
        "errors/classic-401.html",
        "errors/classic-401-unauthorized.html",
    ),
    (
        "misc/jamf-pro-version.json",
        "misc/jamfpro-v1-jamf-pro-version.recorded.json",
    ),
    (
        "misc/msu-update-statuses-mobile.json",
        "misc/jamfpro-v1-msu-update-statuses-mobile.openapi-example.json",
    ),
    (
        "mobile-devices/classic-detail-unsupervised.json",
        "mobile-devices/classic-mobiledevice-id-detail.xsoar-testdata.json",
    ),
    (
        "mobile-devices/classic-detail-lost-mode.json",
        "mobile-devices/classic-mobiledevice-id-detail.jamf-docs-example.json",
    ),
    (
        "mobile-devices/classic-list.json",
        "mobile-devices/classic-mobiledevices-list.nock-fixture.json",
    ),
    (
        "mobile-devices/classic-list-empty.json",
        "mobile-devices/classic-mobiledevices-list-empty.recorded.json",
    ),
    (
        "mobile-devices/v2-list.json",
        "mobile-devices/jamfpro-v2-mobile-devices.results-excerpt.json",
    ),
    (
        "mobile-devices/v2-detail-general.json",
        "mobile-devices/jamfpro-v2-mobile-devices-detail-section-GENERAL.results-excerpt.json",
    ),
    (
        "groups/v2-groups.json",
        "groups/jamfpro-v2-groups.results-excerpt.json",
    ),
    (
        "groups/smart-create.request.xml",
        "groups/classic-mobiledevicegroup-smart-create.request.xml",
    ),
    (
        "groups/smart-regex-create.request.xml",
        "groups/classic-mobiledevicegroup-smart-regex-create.request.xml",
    ),
    (
        "commands/DeviceLock.response.xml",
        "commands/classic-mobiledevicecommand-DeviceLock.response.xml",
    ),
    (
        "commands/EnableLostMode.response.xml",
        "commands/classic-mobiledevicecommand-EnableLostMode.response.xml",
    ),
    (
        "apps-vpp/vpp-block.fragment.json",
        "apps-vpp/classic-mobiledeviceapplication-vpp-block.fragment.json",
    ),
    (
        "config-profiles/mobile-profile-create.request.xml",
        "config-profiles/classic-mobiledeviceconfigurationprofile-create.request.xml",
    ),
    (
        "config-profiles/osx-profile-with-scope.json",
        "config-profiles/classic-osxconfigurationprofile-id1-with-scope.recorded.json",
    ),
];

/// Where our fixtures are.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/jamf"))
}

/// Our fixture `rel` (a path under `fixtures/jamf/`).
pub fn ours(rel: &str) -> String {
    let path = fixtures_dir().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The reference samples: `$CHARIOT_JAMF_SAMPLES` when set (it must then exist), else
/// `shared/reference/jamf-samples` beside the repository when a checkout has it.
pub fn reference_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CHARIOT_JAMF_SAMPLES") {
        let dir = PathBuf::from(dir);
        // Asked for by name: a wrong path is a mistake to report, not a check to skip.
        assert!(
            dir.is_dir(),
            "CHARIOT_JAMF_SAMPLES={}: no such folder",
            dir.display()
        );
        return Some(dir);
    }
    let beside = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/reference/jamf-samples"
    ));
    beside.is_dir().then_some(beside)
}

/// The reference sample fixture `rel` reproduces, or `None` without the reference folder.
pub fn real(rel: &str) -> Option<String> {
    let (_, file) = REFERENCE
        .iter()
        .find(|(ours, _)| *ours == rel)
        .unwrap_or_else(|| panic!("{rel}: not in samples::REFERENCE"));
    let path = reference_dir()?.join(file);
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Where a sample comes from, for tests run once on each (an rstest case per source).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Our fixture: always there.
    Ours,
    /// The reference sample it reproduces: only where the reference folder is.
    Reference,
}

impl Source {
    /// Sample `rel` (a fixture's name) from this source; `None` for an absent reference.
    pub fn read(self, rel: &str) -> Option<String> {
        match self {
            Source::Ours => Some(ours(rel)),
            Source::Reference => real(rel),
        }
    }
}

/// Our fixture, then the reference sample when present, each with a name for messages.
pub fn each(rel: &str) -> Vec<(String, String)> {
    [Source::Ours, Source::Reference]
        .into_iter()
        .filter_map(|source| Some((format!("{rel} ({source:?})"), source.read(rel)?)))
        .collect()
}
