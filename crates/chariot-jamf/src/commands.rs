//! MDM commands: sending them (reference §5.1, §5.4) and reading their state (§5.2).
//!
//! Sends are writes: one attempt each, never retried (see [`JamfClient::post_once`]). One
//! request per device, so every device gets its own command UUID and its own result (the Classic
//! API answers one UUID for a whole id list, and the order of the Pro API's answer is not
//! documented).

use serde::Deserialize;

use crate::answer::decode;
use crate::client::{JamfClient, WriteBody};
use crate::error::JamfError;
use crate::secret::Secret;
use crate::xml;

/// Where Jamf Pro says a command stands (`commandState`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandState {
    /// Queued, not delivered yet (the device is offline or asleep).
    Pending,
    /// The device said "not now" (busy, locked); Jamf retries later.
    NotNow,
    /// Done.
    Acknowledged,
    /// The device refused or failed it.
    Error,
    CommandFormatError,
    /// A state this client does not know; kept as the server wrote it.
    Other(String),
}

impl CommandState {
    fn parse(s: &str) -> CommandState {
        match s.to_ascii_uppercase().as_str() {
            "PENDING" => CommandState::Pending,
            "NOT_NOW" | "NOTNOW" => CommandState::NotNow,
            "ACKNOWLEDGED" => CommandState::Acknowledged,
            "ERROR" => CommandState::Error,
            "COMMAND_FORMAT_ERROR" => CommandState::CommandFormatError,
            _ => CommandState::Other(s.to_owned()),
        }
    }

    /// Acknowledged or failed: polling can stop.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            CommandState::Acknowledged | CommandState::Error | CommandState::CommandFormatError
        )
    }
}

/// One command's state, from `GET /api/v2/mdm/commands`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandStatus {
    pub uuid: String,
    pub management_id: Option<String>,
    pub state: CommandState,
    /// The device's or Apple's error text (localized when Jamf has it, else English).
    pub error: Option<String>,
    pub date_completed: Option<String>,
}

#[derive(Deserialize)]
struct Queued {
    id: String,
}

#[derive(Deserialize)]
struct ClassicAnswer {
    mobile_device_command: ClassicCommand,
}

#[derive(Deserialize)]
struct ClassicCommand {
    uuid: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StatusPage {
    #[serde(default)]
    results: Vec<RawStatus>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawStatus {
    uuid: String,
    #[serde(default)]
    client: Option<RawClient>,
    #[serde(default)]
    command_state: Option<String>,
    #[serde(default)]
    command_error: Option<RawError>,
    #[serde(default)]
    date_completed: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawClient {
    management_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawError {
    error_localized_description: Option<String>,
    error_english_description: Option<String>,
    error_code: Option<i64>,
}

/// The body of a Classic command with parameters:
/// `<mobile_device_command><general><name>text</name>…</general></mobile_device_command>`.
/// The texts are escaped, and cleared of what XML cannot hold (see [`crate::xml`]).
fn classic_body(fields: &[(&str, String)]) -> String {
    let mut writer = quick_xml::Writer::new(Vec::new());
    writer
        .create_element("mobile_device_command")
        .write_inner_content(|w| {
            w.create_element("general").write_inner_content(|w| {
                fields
                    .iter()
                    .try_for_each(|(name, text)| xml::text_element(w, name, text))
            })?;
            Ok(())
        })
        // Into memory: there is no I/O to fail.
        .expect("a command body is written into memory");
    String::from_utf8(writer.into_inner()).expect("quick-xml writes the str it is given")
}

/// UUIDs per status request: the filter goes in the URL, keep it well under URL limits.
const UUIDS_PER_REQUEST: usize = 50;

impl JamfClient {
    /// `POST /api/v2/mdm/commands` for one device (`command_data` holds `commandType` and its
    /// fields). Returns the command UUID. Sent once: on a timeout the caller must record the
    /// command as unknown, not send it again.
    pub async fn send_mdm_command(
        &self,
        management_id: &str,
        command_data: &serde_json::Value,
    ) -> Result<String, JamfError> {
        let body = serde_json::json!({
            "clientData": [{ "managementId": management_id }],
            "commandData": command_data,
        });
        let answer = self
            .post_once("/api/v2/mdm/commands", WriteBody::Json(&body))
            .await?;
        let queued: Vec<Queued> = decode("the queued command", &answer)?;
        queued
            .into_iter()
            .next()
            .map(|q| q.id)
            .ok_or_else(|| JamfError::Decode {
                what: "the queued command".into(),
                detail: "the server returned no command id".into(),
            })
    }

    /// A Classic command for one device, for what the Jamf Pro API cannot send (there is no
    /// `UPDATE_INVENTORY` command type: `UpdateInventory` is Classic only). Returns its UUID.
    pub async fn send_classic_command(
        &self,
        command: &str,
        device_id: &str,
    ) -> Result<String, JamfError> {
        self.send_classic_command_with(command, device_id, None)
            .await
    }

    /// A Classic command with its parameters as the XML body the Classic API documents
    /// (`<mobile_device_command><general>…</general></mobile_device_command>`). `fields` are
    /// (element, text) pairs; the text is escaped here.
    pub async fn send_classic_command_with(
        &self,
        command: &str,
        device_id: &str,
        fields: Option<&[(&str, String)]>,
    ) -> Result<String, JamfError> {
        let path = format!("/JSSResource/mobiledevicecommands/command/{command}/id/{device_id}");
        let xml = fields.map(classic_body);
        let body = match &xml {
            Some(xml) => WriteBody::Xml(xml),
            None => WriteBody::Empty,
        };
        let answer = self.post_once(&path, body).await?;
        let parsed: ClassicAnswer = decode("the Classic command answer", &answer)?;
        Ok(parsed.mobile_device_command.uuid)
    }

    /// The device's unlock token (`ios.unlockToken` of `/api/v2/mobile-devices/{id}/detail`),
    /// which `CLEAR_PASSCODE` needs. Read just before the send and never stored: whoever has it
    /// can remove the device's passcode. `None` when the server has none (Shared iPad, or the
    /// device never escrowed one).
    pub async fn unlock_token(&self, device_id: &str) -> Result<Option<Secret>, JamfError> {
        let detail: serde_json::Value = self
            .get_json(&format!("/api/v2/mobile-devices/{device_id}/detail"), &[])
            .await?;
        Ok(detail
            .pointer("/ios/unlockToken")
            .and_then(|t| t.as_str())
            .filter(|t| !t.is_empty())
            .map(|t| Secret::new(t.to_owned())))
    }

    /// The states of these commands (any order; unknown UUIDs are simply absent).
    pub async fn command_statuses(
        &self,
        uuids: &[String],
    ) -> Result<Vec<CommandStatus>, JamfError> {
        let mut out = Vec::with_capacity(uuids.len());
        for chunk in uuids.chunks(UUIDS_PER_REQUEST) {
            let filter = format!("uuid=in=({})", chunk.join(","));
            let page: StatusPage = self
                .get_json(
                    "/api/v2/mdm/commands",
                    &[
                        ("filter", filter),
                        ("page-size", UUIDS_PER_REQUEST.to_string()),
                    ],
                )
                .await?;
            out.extend(page.results.into_iter().map(|r| CommandStatus {
                uuid: r.uuid,
                management_id: r.client.and_then(|c| c.management_id),
                state: CommandState::parse(r.command_state.as_deref().unwrap_or("")),
                error: r.command_error.and_then(|e| {
                    let text = e
                        .error_localized_description
                        .filter(|t| !t.trim().is_empty())
                        .or(e.error_english_description.filter(|t| !t.trim().is_empty()));
                    match (text, e.error_code) {
                        (Some(t), Some(code)) => Some(format!("{t} ({code})")),
                        (Some(t), None) => Some(t),
                        (None, Some(code)) => Some(format!("error {code}")),
                        (None, None) => None,
                    }
                }),
                date_completed: r.date_completed,
            }));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::events::Event;

    /// The leaf elements of `xml` and their texts, as quick-xml's reader reads them back.
    fn leaves(xml: &str) -> Vec<(String, String)> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let (mut out, mut text, mut leaf) = (Vec::new(), String::new(), false);
        loop {
            match reader.read_event().unwrap() {
                Event::Start(_) => (text, leaf) = (String::new(), true),
                Event::Text(t) => text.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => match r.resolve_char_ref().unwrap() {
                    Some(c) => text.push(c),
                    None => {
                        text.push_str(quick_xml::escape::resolve_predefined_entity(&r).unwrap())
                    }
                },
                Event::End(e) if leaf => {
                    let name: String = e.name().as_ref().to_owned();
                    out.push((name, std::mem::take(&mut text)));
                    leaf = false;
                }
                Event::Eof => return out,
                _ => {}
            }
        }
    }

    #[test]
    fn a_body_holds_its_fields_in_order() {
        let body = classic_body(&[
            ("lost_mode_message", "Rapportez-moi".to_owned()),
            ("lost_mode_phone", String::new()),
        ]);
        assert_eq!(
            body,
            "<mobile_device_command><general>\
             <lost_mode_message>Rapportez-moi</lost_mode_message>\
             <lost_mode_phone></lost_mode_phone>\
             </general></mobile_device_command>"
        );
    }

    /// Markup in a message stays text; a control character (which XML 1.0 cannot hold, and
    /// which made the old body unparsable) is dropped; tab, LF and CR stay.
    #[test]
    fn a_body_reads_back_as_written_less_what_xml_cannot_hold() {
        let message = "<b>Rapportez-moi</b> & \"merci\" à l'accueil\u{1b}\u{fffe}\r\n\tCDI";
        let body = classic_body(&[
            ("lost_mode_message", message.to_owned()),
            ("lost_mode_phone", "05 61 \u{0}00".to_owned()),
        ]);
        assert_eq!(
            leaves(&body),
            [
                (
                    "lost_mode_message".to_owned(),
                    "<b>Rapportez-moi</b> & \"merci\" à l'accueil\r\n\tCDI".to_owned()
                ),
                ("lost_mode_phone".to_owned(), "05 61 00".to_owned()),
            ]
        );
    }
}
