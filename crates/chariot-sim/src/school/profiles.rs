//! The configuration profiles each school gets: the guide's FaceTime restriction, the cart
//! Wi-Fi and a lock-screen message, scoped to the school's cart and teacher groups.

use super::generator::{Gen, SchoolCtx};
use super::model::*;

impl Gen {
    pub(super) fn school_profiles(&mut self, ctx: &SchoolCtx) {
        let rne = ctx.rne.clone();
        let cat = self
            .w
            .categories
            .iter()
            .find(|c| c.name == "Restrictions")
            .map(|c| c.id);
        let site_groups: Vec<&Group> = self
            .w
            .groups
            .iter()
            .filter(|g| g.site_id == Some(ctx.site_id))
            .collect();
        let carts: Vec<u32> = site_groups
            .iter()
            .filter(|g| g.name.contains("Chariot"))
            .map(|g| g.id)
            .collect();
        let prof: Vec<u32> = site_groups
            .iter()
            .filter(|g| g.name.ends_with("Professeurs"))
            .map(|g| g.id)
            .collect();
        let all: Vec<u32> = carts.iter().chain(prof.iter()).copied().collect();
        let specs = [
            (
                "Restrictions FaceTime",
                "com.apple.applicationaccess",
                "<key>allowVideoConferencing</key><false/>".to_string(),
                carts.clone(),
                prof.clone(),
            ),
            (
                "Wi-Fi Chariots",
                "com.apple.wifi.managed",
                format!(
                    "<key>SSID_STR</key><string>CHARIOT-{rne}</string><key>AutoJoin</key><true/>"
                ),
                all.clone(),
                vec![],
            ),
            (
                "Message écran verrouillé",
                "com.apple.shareddeviceconfiguration",
                "<key>LockScreenFootnote</key><string>Propriété du collège - $DEVICENAME</string>"
                    .to_string(),
                all,
                vec![],
            ),
        ];
        for (label, ptype, body, targets, exclusions) in specs {
            let id = self.id(|n| &mut n.profile);
            let uuid = self.rng.uuid().to_uppercase();
            let inner = self.rng.uuid().to_uppercase();
            let name = format!("{rne} - {label}");
            let identifier = format!(
                "fr.ecollege31.{}.{}",
                rne.to_lowercase(),
                ptype.rsplit('.').next().unwrap_or("profile")
            );
            let payloads = plist(&name, &uuid, &identifier, ptype, &inner, &body);
            self.w.profiles.push(Profile {
                id,
                name,
                description: String::new(),
                site_id: Some(ctx.site_id),
                category_id: cat,
                uuid,
                identifier,
                deployment_method: "Install Automatically".into(),
                redeploy_on_update: "Newly Assigned".into(),
                // Classic mobile profiles report "System" (device) or "User" (reference §7.1).
                level: "System".into(),
                payloads,
                scope: Scope {
                    targets: ScopeTargets {
                        group_ids: targets,
                        ..Default::default()
                    },
                    exclusions: ScopeTargets {
                        group_ids: exclusions,
                        ..Default::default()
                    },
                    ..Default::default()
                },
            });
        }
    }
}

fn plist(
    name: &str,
    uuid: &str,
    identifier: &str,
    ptype: &str,
    inner_uuid: &str,
    body: &str,
) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1\"><dict><key>PayloadUUID</key><string>{uuid}</string><key>PayloadType</key><string>Configuration</string><key>PayloadOrganization</key><string>ecollege31</string><key>PayloadIdentifier</key><string>{identifier}</string><key>PayloadDisplayName</key><string>{name}</string><key>PayloadVersion</key><integer>1</integer><key>PayloadRemovalDisallowed</key><true/><key>PayloadContent</key><array><dict><key>PayloadUUID</key><string>{inner_uuid}</string><key>PayloadType</key><string>{ptype}</string><key>PayloadIdentifier</key><string>{identifier}.{inner_uuid}</string><key>PayloadVersion</key><integer>1</integer>{body}</dict></array></dict></plist>"
    )
}
