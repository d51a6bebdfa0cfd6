//! The uniffi bindings generator, built from the same uniffi version as
//! `reps-ffi` (the two must match). Run through `crates/reps-ffi/bindings.sh`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
