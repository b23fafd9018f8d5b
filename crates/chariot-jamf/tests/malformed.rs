//! Malformed server payloads: whatever bytes arrive, the parsers answer with a value or an
//! error, never a panic (property tests over arbitrary JSON and mutated samples of real shape).

use chariot_jamf::auth::{ClientTokenResponse, UserTokenResponse};
use chariot_jamf::models::{ClassicDeviceSecurity, InventoryRecord, LightDevice, Paged};
use proptest::prelude::*;
use serde_json::Value;

/// Our GENERAL section answer (the shape of a real one, over 4000 bytes so that every cut
/// below truncates it).
fn sample() -> String {
    chariot_testkit::samples::ours("mobile-devices/v2-detail-general.json")
}

/// Every parser the client runs on a server answer.
fn parse_all(bytes: &[u8]) {
    let _ = serde_json::from_slice::<Paged<InventoryRecord>>(bytes);
    let _ = serde_json::from_slice::<Vec<InventoryRecord>>(bytes);
    let _ = serde_json::from_slice::<Paged<LightDevice>>(bytes);
    let _ = serde_json::from_slice::<ClassicDeviceSecurity>(bytes)
        .map(|s| s.into_security().location());
    let _ = serde_json::from_slice::<UserTokenResponse>(bytes);
    let _ = serde_json::from_slice::<ClientTokenResponse>(bytes);
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("1"),
            Just("true"),
            Just("Unsupervised Device"),
            Just("2026-11-22T08:00:00Z"),
            Just("-1")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("totalCount".to_owned()),
                        Just("results".to_owned()),
                        Just("mobileDeviceId".to_owned()),
                        Just("general".to_owned()),
                        Just("hardware".to_owned()),
                        Just("security".to_owned()),
                        Just("mobile_device".to_owned()),
                        Just("lost_location_latitude".to_owned()),
                        Just("batteryLevel".to_owned()),
                        "[a-zA-Z_]{1,10}",
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Replaces the value at a random path of `v` with `new`.
fn swap(v: &mut Value, mut pick: usize, new: Value) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            let n = map.len();
            let key = map.keys().nth(pick % n).unwrap().clone();
            pick /= n;
            let child = map.get_mut(&key).unwrap();
            if pick.is_multiple_of(3) {
                *child = new
            } else {
                swap(child, pick, new)
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let n = items.len();
            let child = &mut items[pick % n];
            swap(child, pick / n, new)
        }
        other => *other = new,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_json_never_panics(v in json()) {
        parse_all(&serde_json::to_vec(&v).unwrap());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        parse_all(&bytes);
    }

    #[test]
    fn truncated_samples_fail_cleanly(cut in 0usize..4000) {
        let text = sample();
        let cut = cut.min(text.len());
        let bytes = &text.as_bytes()[..cut];
        // A cut-off answer must be an error, not a silently shorter inventory.
        if cut < text.trim_end().len() {
            prop_assert!(serde_json::from_slice::<Vec<InventoryRecord>>(bytes).is_err());
        }
        parse_all(bytes);
    }

    #[test]
    fn fields_of_the_wrong_type_are_errors_or_tolerated(pick in any::<usize>(), new in json()) {
        let mut v: Value = serde_json::from_str(&sample()).unwrap();
        swap(&mut v, pick, new);
        parse_all(&serde_json::to_vec(&v).unwrap());
    }

    #[test]
    fn flipped_bytes_never_panic(pos in any::<usize>(), byte in any::<u8>()) {
        let mut bytes = sample().into_bytes();
        let n = bytes.len();
        bytes[pos % n] = byte;
        parse_all(&bytes);
    }
}
