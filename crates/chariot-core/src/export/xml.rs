//! The XML export: a `<mobile_devices>` list shaped like the Classic API's, one element per
//! column (its key, `-` as `_`), written with quick-xml. Characters XML 1.0 cannot hold are
//! dropped, as in the command bodies (see [`chariot_jamf::xml`] for why).

use chariot_jamf::xml::text_element;
use chariot_store::DeviceListRow;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, Event};

use super::Column;

pub(super) fn devices(rows: &[DeviceListRow], columns: &[&Column]) -> String {
    let tags: Vec<String> = columns.iter().map(|c| c.key.replace('-', "_")).collect();
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|()| {
            writer
                .create_element("mobile_devices")
                .write_inner_content(|w| {
                    text_element(w, "size", &rows.len().to_string())?;
                    for row in rows {
                        w.create_element("mobile_device").write_inner_content(|w| {
                            columns
                                .iter()
                                .zip(&tags)
                                .try_for_each(|(c, tag)| text_element(w, tag, &(c.value)(row)))
                        })?;
                    }
                    Ok(())
                })
                .map(|_| ())
        })
        // Into memory: there is no I/O to fail.
        .expect("an XML export is written into memory");
    let mut xml =
        String::from_utf8(writer.into_inner()).expect("quick-xml writes the str it is given");
    xml.push('\n');
    xml
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::export::columns;

    #[derive(serde::Deserialize)]
    struct Devices {
        size: usize,
        mobile_device: Vec<BTreeMap<String, String>>,
    }

    fn row(name: &str) -> DeviceListRow {
        DeviceListRow {
            jamf_id: "7".into(),
            name: name.into(),
            role: "student".into(),
            cart: None,
            serial_number: Some("DMPX1".into()),
            asset_tag: None,
            model: None,
            os_version: None,
            battery_level: None,
            capacity_mb: None,
            available_mb: None,
            username: None,
            supervised: None,
            shared_ipad: None,
            lost_mode_enabled: None,
            last_inventory_update: None,
            management_id: None,
        }
    }

    #[test]
    fn the_layout_is_the_classic_lists() {
        let cols = columns(&["name", "asset-tag"]).unwrap();
        assert_eq!(
            devices(&[row("iPad 1")], &cols),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <mobile_devices>\n\
             \x20 <size>1</size>\n\
             \x20 <mobile_device>\n\
             \x20   <name>iPad 1</name>\n\
             \x20   <asset_tag></asset_tag>\n\
             \x20 </mobile_device>\n\
             </mobile_devices>\n"
        );
    }

    /// Markup and quotes in a device name stay text; what XML 1.0 cannot hold is dropped, so
    /// that any XML reader takes the file.
    #[test]
    fn an_export_reads_back_as_written_less_what_xml_cannot_hold() {
        let cols = columns(&["name", "serial"]).unwrap();
        let names = [
            "<img src=x> & \"co\" l'iPad\r\n\tCDI",
            "iPad\u{1}\u{8}\u{b}\u{c}\u{1f} 2\u{fffe}\u{ffff}",
        ];
        let xml = devices(&names.map(row), &cols);
        let read: Devices = quick_xml::de::from_str(&xml).unwrap();
        assert_eq!(read.size, 2);
        let names: Vec<&str> = read
            .mobile_device
            .iter()
            .map(|d| d["name"].as_str())
            .collect();
        assert_eq!(names, ["<img src=x> & \"co\" l'iPad\r\n\tCDI", "iPad 2"]);
        assert!(read.mobile_device.iter().all(|d| d["serial"] == "DMPX1"));
    }
}
