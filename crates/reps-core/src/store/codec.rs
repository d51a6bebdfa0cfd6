//! How a record becomes bytes: one format byte, then JSON. JSON keeps stored
//! records readable and identical in shape to the backup format; the format
//! byte lets a later layout be told apart. Decoding never panics: a bad
//! record is a typed error naming the table and key.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::Error;

/// The record encoding written by this version.
pub const FORMAT_JSON_V1: u8 = 1;

/// Encodes a record.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = vec![FORMAT_JSON_V1];
    serde_json::to_writer(&mut out, value)
        .map_err(|e| Error::Corrupt(format!("cannot encode: {e}")))?;
    Ok(out)
}

/// Decodes a record read from `table` under `key`.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], table: &str, key: u128) -> Result<T, Error> {
    match bytes.split_first() {
        // One UTF-8 check over the whole record is cheaper than serde_json's per-string checks.
        Some((&FORMAT_JSON_V1, json)) => std::str::from_utf8(json)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str(text).map_err(|e| e.to_string()))
            .map_err(|e| Error::Corrupt(format!("record {key:032x} in {table}: {e}"))),
        Some((&other, _)) => Err(Error::Corrupt(format!(
            "record {key:032x} in {table} has unknown format {other}"
        ))),
        None => Err(Error::Corrupt(format!(
            "record {key:032x} in {table} is empty"
        ))),
    }
}

/// The JSON part of a stored record (for the search pre-filter).
pub fn payload(bytes: &[u8]) -> &[u8] {
    bytes.get(1..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let bytes = encode(&vec![1, 2, 3]).unwrap();
        assert_eq!(bytes[0], FORMAT_JSON_V1);
        assert_eq!(decode::<Vec<i32>>(&bytes, "t", 1).unwrap(), [1, 2, 3]);
    }

    #[test]
    fn unknown_format_and_garbage_are_errors_not_panics() {
        assert!(matches!(
            decode::<Vec<i32>>(&[9, b'['], "t", 1),
            Err(Error::Corrupt(_))
        ));
        assert!(matches!(
            decode::<Vec<i32>>(&[1, b'{'], "t", 1),
            Err(Error::Corrupt(_))
        ));
        assert!(matches!(
            decode::<Vec<i32>>(&[], "t", 1),
            Err(Error::Corrupt(_))
        ));
    }
}
