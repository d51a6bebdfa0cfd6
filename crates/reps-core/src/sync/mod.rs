//! Sync: one journal on several devices, through storage the user owns.
//!
//! The merge engine comes first ([`doc`]): every record as an Automerge
//! document, so that edits made offline on two devices merge the way a
//! user expects — different fields both kept, the same note typed into on
//! both keeping both people's words, lists such as the stage history
//! united — instead of the newest copy winning by a wall clock.

pub mod doc;
