//! The files `dx bundle --platform android|ios` reads, checked against each
//! other, since no phone build runs here: Dioxus.toml, the Android manifests
//! (the app's and the platform module's), the iOS Info.plist and
//! entitlements, the icons, and the names the Rust app and the platform
//! code must agree on (the `reps` scheme, the app id, the App Group, the
//! JNI calls, the snapshot's fields).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn dioxus_toml() -> toml::Table {
    read("Dioxus.toml").parse().expect("Dioxus.toml parses")
}

fn get<'a>(t: &'a toml::Table, path: &str) -> &'a toml::Value {
    let mut parts = path.split('.');
    let mut v = t
        .get(parts.next().unwrap())
        .unwrap_or_else(|| panic!("no {path}"));
    for p in parts {
        v = v.get(p).unwrap_or_else(|| panic!("no {path}"));
    }
    v
}

fn string<'a>(t: &'a toml::Table, path: &str) -> &'a str {
    get(t, path)
        .as_str()
        .unwrap_or_else(|| panic!("{path} is not a string"))
}

fn strings(v: &toml::Value) -> Vec<String> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|s| s.as_str().expect("strings").to_string())
        .collect()
}

const APP_ID: &str = "app.reps.journal";
const APP_GROUP: &str = "group.app.reps.journal";

// ----------------------------------------------------------------- XML, small

/// The text without `<!-- … -->` comments.
fn uncommented(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("-->").expect("closed comment");
        rest = &rest[start + end + 3..];
    }
    out.push_str(rest);
    out
}

/// The attributes of every `<tag …>` element, in order (our files never put
/// `>` inside an attribute).
fn elements(xml: &str, tag: &str) -> Vec<BTreeMap<String, String>> {
    let xml = uncommented(xml);
    let open = format!("<{tag}");
    let mut found = Vec::new();
    let mut rest = xml.as_str();
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        rest = after;
        if !after.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
            continue; // a longer tag name
        }
        let body = &after[..after.find('>').expect("closed tag")];
        let mut attrs = BTreeMap::new();
        let mut s = body.trim_end_matches('/');
        while let Some(eq) = s.find("=\"") {
            let name = s[..eq]
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .to_string();
            let value_end = s[eq + 2..].find('"').expect("closed value");
            attrs.insert(name, s[eq + 2..eq + 2 + value_end].to_string());
            s = &s[eq + 2 + value_end + 1..];
        }
        found.push(attrs);
    }
    found
}

fn attr<'a>(e: &'a BTreeMap<String, String>, name: &str) -> &'a str {
    e.get(name).map(String::as_str).unwrap_or_default()
}

/// The body between `<tag …>` and its `</tag>` (first one; not nested).
fn inner<'a>(xml: &'a str, tag: &str) -> &'a str {
    let start = xml
        .find(&format!("<{tag}"))
        .unwrap_or_else(|| panic!("no <{tag}>"));
    let body = start + xml[start..].find('>').unwrap() + 1;
    let end = body
        + xml[body..]
            .find(&format!("</{tag}>"))
            .unwrap_or_else(|| panic!("no </{tag}>"));
    &xml[body..end]
}

// ----------------------------------------------------------------- plist, small

/// The value after `<key>{key}</key>` (the first one): its raw XML.
fn plist_value<'a>(plist: &'a str, key: &str) -> Option<&'a str> {
    let marker = format!("<key>{key}</key>");
    let at = plist.find(&marker)? + marker.len();
    let rest = plist[at..].trim_start();
    let tag_end = rest.find('>')?;
    let tag = &rest[1..tag_end];
    if tag.ends_with('/') {
        return Some(&rest[..=tag_end]);
    }
    let close = format!("</{tag}>");
    // arrays and dicts may nest one level of <array>/<dict> in our files
    let mut depth = 0;
    let mut i = 0;
    while i < rest.len() {
        if rest[i..].starts_with(&format!("<{tag}>")) {
            depth += 1;
        } else if rest[i..].starts_with(&close) {
            depth -= 1;
            if depth == 0 {
                return Some(&rest[..i + close.len()]);
            }
        }
        i += rest[i..].chars().next().unwrap().len_utf8();
    }
    None
}

fn plist_string(plist: &str, key: &str) -> String {
    let v = plist_value(plist, key).unwrap_or_else(|| panic!("Info.plist has no {key}"));
    inner(v, "string").to_string()
}

fn plist_strings(value: &str) -> Vec<String> {
    value
        .split("<string>")
        .skip(1)
        .map(|s| s[..s.find("</string>").unwrap()].to_string())
        .collect()
}

// ----------------------------------------------------------------- PNG

/// Width, height and colour type from a PNG's header.
fn png(path: &Path) -> (u32, u32, u8) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is a PNG",
        path.display()
    );
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20), bytes[25])
}

// ----------------------------------------------------------------- tests

#[test]
fn dioxus_toml_names_the_app_and_only_existing_files() {
    let t = dioxus_toml();
    assert_eq!(string(&t, "bundle.identifier"), APP_ID);
    assert_eq!(string(&t, "application.name"), "Reps");
    for key in [
        "android_manifest",
        "android_main_activity",
        "ios_info_plist",
    ] {
        let path = string(&t, &format!("application.{key}"));
        assert!(repo().join(path).is_file(), "{key} = {path} exists");
    }
    // the NDK level the library is linked for is the oldest Android it installs on
    assert_eq!(
        get(&t, "application.android_min_sdk_version").as_integer(),
        get(&t, "android.min_sdk").as_integer()
    );
    assert_eq!(strings(get(&t, "deep_links.schemes")), ["reps"]);
    // notifications are the only permission
    let permissions: Vec<&String> = get(&t, "permissions").as_table().unwrap().keys().collect();
    assert_eq!(permissions, ["notifications"]);
    assert_eq!(strings(get(&t, "ios.entitlements.app-groups")), [APP_GROUP]);
    let widgets = get(&t, "ios.widget_extensions").as_array().unwrap();
    assert_eq!(widgets.len(), 1);
    let sources = repo()
        .join(widgets[0]["source"].as_str().unwrap())
        .join("Sources");
    let swift = std::fs::read_dir(&sources)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "swift")
        })
        .count();
    assert!(
        swift > 0,
        "the widget has Swift sources in {}",
        sources.display()
    );
}

#[test]
fn android_asks_for_notifications_and_no_network_beyond_loopback() {
    let app = read("platforms/android/AndroidManifest.xml");
    let module = read("platforms/android/src/main/AndroidManifest.xml");
    let asked: BTreeSet<String> = elements(&app, "uses-permission")
        .iter()
        .filter(|e| attr(e, "tools:node") != "remove")
        .map(|e| attr(e, "android:name").to_string())
        .collect();
    // INTERNET: Dioxus 0.7 draws through a WebSocket on 127.0.0.1, and
    // Android refuses even a loopback socket without it (see the manifest)
    let expected: BTreeSet<String> = [
        "android.permission.INTERNET",
        "android.permission.POST_NOTIFICATIONS",
        "android.permission.RECEIVE_BOOT_COMPLETED",
    ]
    .map(String::from)
    .into();
    assert_eq!(asked, expected);
    for gone in [
        "android.permission.ACCESS_NETWORK_STATE",
        "android.permission.ACCESS_WIFI_STATE",
    ] {
        assert!(
            elements(&app, "uses-permission")
                .iter()
                .any(|e| attr(e, "android:name") == gone && attr(e, "tools:node") == "remove"),
            "{gone} is removed from whatever a library adds"
        );
    }
    assert!(
        elements(&module, "uses-permission").is_empty(),
        "the module asks for nothing: every permission is in the app's manifest"
    );
    let application = &elements(&app, "application")[0];
    assert_eq!(attr(application, "android:usesCleartextTraffic"), "false");
    assert_eq!(
        attr(application, "android:networkSecurityConfig"),
        "@xml/network_security_config"
    );
    assert!(
        !app.contains("package="),
        "AGP 8 takes the id from Gradle, not the manifest"
    );
}

#[test]
fn android_opens_reps_links_in_the_one_dioxus_activity() {
    let app = read("platforms/android/AndroidManifest.xml");
    let activities = elements(&app, "activity");
    assert_eq!(activities.len(), 1);
    let a = &activities[0];
    assert_eq!(attr(a, "android:name"), "dev.dioxus.main.MainActivity");
    assert_eq!(attr(a, "android:exported"), "true");
    assert_eq!(attr(a, "android:launchMode"), "singleTask");
    assert_eq!(attr(a, "android:windowSoftInputMode"), "adjustResize");
    // recreating the activity would start a second copy of the Rust app
    let handled: BTreeSet<&str> = attr(a, "android:configChanges").split('|').collect();
    for change in [
        "orientation",
        "screenSize",
        "screenLayout",
        "smallestScreenSize",
        "keyboardHidden",
        "uiMode",
        "density",
        "fontScale",
        "locale",
    ] {
        assert!(handled.contains(change), "configChanges has {change}");
    }
    let meta: BTreeMap<String, String> = elements(&app, "meta-data")
        .iter()
        .map(|m| {
            (
                attr(m, "android:name").to_string(),
                m.get("android:value")
                    .or(m.get("android:resource"))
                    .cloned()
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(meta["android.app.lib_name"], "main");
    assert_eq!(meta["android.app.shortcuts"], "@xml/reps_shortcuts");
    let schemes: Vec<String> = elements(&app, "data")
        .iter()
        .map(|d| attr(d, "android:scheme").to_string())
        .collect();
    assert_eq!(schemes, ["reps"]);
    let categories: BTreeSet<String> = elements(&app, "category")
        .iter()
        .map(|c| attr(c, "android:name").to_string())
        .collect();
    assert!(categories.contains("android.intent.category.BROWSABLE"));
    assert!(categories.contains("android.intent.category.LAUNCHER"));

    // the shortcut opens quick capture in this app
    let shortcuts = read("platforms/android/src/main/res/xml/reps_shortcuts.xml");
    let intent = &elements(&shortcuts, "intent")[0];
    assert_eq!(attr(intent, "android:data"), "reps://capture");
    assert_eq!(attr(intent, "android:targetPackage"), APP_ID);
    assert_eq!(
        attr(intent, "android:targetClass"),
        "dev.dioxus.main.MainActivity"
    );
}

#[test]
fn the_android_module_declares_classes_that_exist() {
    let module = read("platforms/android/src/main/AndroidManifest.xml");
    let gradle = read("platforms/android/build.gradle.kts");
    assert!(
        gradle.contains("namespace = \"app.reps.platform\""),
        "the namespace manganis reads"
    );
    let min_sdk = dioxus_toml()["android"]["min_sdk"].as_integer().unwrap();
    assert!(
        gradle.contains(&format!("minSdk = {min_sdk}")),
        "the module's minSdk is the app's"
    );
    assert!(
        gradle.contains("\"bindings\""),
        "the generated Kotlin bindings are compiled"
    );
    assert!(
        repo()
            .join("platforms/android/bindings/uniffi/reps_ffi/reps_ffi.kt")
            .is_file()
    );
    let kotlin: String =
        std::fs::read_dir(repo().join("platforms/android/src/main/kotlin/app/reps/platform"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
    let mut components = 0;
    for tag in ["receiver", "activity"] {
        for e in elements(&module, tag) {
            let name = attr(&e, "android:name");
            let class = name
                .strip_prefix("app.reps.platform.")
                .unwrap_or_else(|| panic!("{name} is in the module's package"));
            assert!(
                kotlin.contains(&format!("class {class}")),
                "{name} is defined"
            );
            components += 1;
        }
    }
    assert_eq!(
        components, 5,
        "widget, reminder, boot receiver, share target, note screen"
    );
    // the share target: other apps' "Share" reaches it with text or a link
    let share = elements(&module, "activity")
        .into_iter()
        .find(|a| attr(a, "android:name") == "app.reps.platform.ShareActivity")
        .expect("the share activity");
    assert_eq!(
        attr(&share, "android:exported"),
        "true",
        "other apps must reach it"
    );
    let share_xml = &module[module.find("app.reps.platform.ShareActivity").unwrap()..];
    let share_xml = &share_xml[..share_xml.find("</activity>").unwrap()];
    assert!(share_xml.contains(r#"<action android:name="android.intent.action.SEND" />"#));
    assert!(share_xml.contains(r#"<category android:name="android.intent.category.DEFAULT" />"#));
    assert!(share_xml.contains(r#"<data android:mimeType="text/plain" />"#));
    assert!(kotlin.contains("it.addShare(shared)"));
    assert!(kotlin.contains("Uri.parse(\"reps://leads\")"));
    // the class src/platform/phone.rs names in #[manganis::ffi], with the constructor it calls
    assert!(kotlin.contains("class RepsPlatform(private val activity: android.app.Activity)"));
    // sync's background rounds: scheduled when the app starts, with the
    // library declared, through calls the generated bindings have
    assert!(kotlin.contains("SyncWorker.schedule(context)"));
    assert!(gradle.contains("\"androidx.work:work-runtime-ktx:"));
    let bindings = read("platforms/android/bindings/uniffi/reps_ffi/reps_ffi.kt");
    for (used, defined) in [
        (
            "RepsJournal.open(",
            "fun `open`(`dataDir`: kotlin.String): RepsJournal",
        ),
        ("it.syncNow()", "fun `syncNow`(): SyncOutcome"),
        ("RepsException.Busy", "class Busy(message: String)"),
        ("RepsException.Invalid", "class Invalid(message: String)"),
        ("RepsException.Other", "class Other(message: String)"),
        ("outcome.changed > 0u", "val `changed`: kotlin.UInt"),
        (
            "it.addShare(shared)",
            "fun `addShare`(`text`: kotlin.String): kotlin.String",
        ),
    ] {
        assert!(kotlin.contains(used), "SyncWorker uses {used}");
        assert!(bindings.contains(defined), "the bindings define {defined}");
    }
    // every resource the manifests and the widget name is there
    let res = repo().join("platforms/android/src/main/res");
    for file in [
        "xml/reps_widget_info.xml",
        "xml/reps_shortcuts.xml",
        "layout/reps_widget.xml",
        "layout/reps_add_note.xml",
        "mipmap-anydpi-v26/ic_launcher_reps.xml",
    ] {
        assert!(res.join(file).is_file(), "res/{file}");
    }
}

#[test]
fn the_activity_answers_the_jni_calls_the_rust_app_makes() {
    let activity = read("platforms/android/MainActivity.kt");
    let phone = read("src/platform/phone.rs");
    assert!(activity.contains("package dev.dioxus.main"));
    assert!(activity.contains(&format!("typealias BuildConfig = {APP_ID}.BuildConfig")));
    assert!(activity.contains("class MainActivity : WryActivity()"));
    // name and JNI signature on both sides
    assert!(activity.contains("fun takeLink(): String?"));
    assert!(phone.contains(r#""takeLink", "()Ljava/lang/String;""#));
    assert!(activity.contains("fun outsideChanged()"));
    assert!(phone.contains(r#""outsideChanged", "()V""#));
    assert!(
        activity.contains("override fun onNewIntent(intent: Intent)")
            && activity.contains("setIntent(intent)")
    );
    assert!(
        activity.contains("SCREEN_ORIENTATION_PORTRAIT")
            && activity.contains("smallestScreenWidthDp < 600"),
        "portrait on phones"
    );
}

#[test]
fn the_android_icons_have_their_sizes() {
    let res = repo().join("platforms/android/src/main/res");
    for (density, scale) in [
        ("mdpi", 1.0),
        ("hdpi", 1.5),
        ("xhdpi", 2.0),
        ("xxhdpi", 3.0),
        ("xxxhdpi", 4.0),
    ] {
        let px = |dp: f64| (dp * scale) as u32;
        for (file, dp) in [
            (format!("mipmap-{density}/ic_launcher_reps.png"), 48.0),
            (
                format!("mipmap-{density}/ic_launcher_reps_foreground.png"),
                108.0,
            ),
            (format!("drawable-{density}/ic_stat_reps.png"), 24.0),
        ] {
            let (w, h, _) = png(&res.join(&file));
            assert_eq!((w, h), (px(dp), px(dp)), "{file}");
        }
    }
    let (w, h, _) = png(&repo().join("assets/icons/play-store-512.png"));
    assert_eq!((w, h), (512, 512));
}

#[test]
fn ios_info_plist_agrees_with_dioxus_toml_and_cargo() {
    let plist = read("platforms/ios/Info.plist");
    let t = dioxus_toml();
    assert_eq!(
        plist_string(&plist, "CFBundleIdentifier"),
        string(&t, "bundle.identifier")
    );
    assert_eq!(plist_string(&plist, "CFBundleDisplayName"), "Reps");
    // dx names the executable after the crate
    assert_eq!(
        plist_string(&plist, "CFBundleExecutable"),
        env!("CARGO_PKG_NAME")
    );
    assert_eq!(
        plist_string(&plist, "CFBundleShortVersionString"),
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        plist_string(&plist, "CFBundleVersion"),
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        plist_string(&plist, "MinimumOSVersion"),
        string(&t, "ios.deployment_target")
    );
    let schemes = plist_strings(plist_value(&plist, "CFBundleURLSchemes").expect("URL schemes"));
    assert_eq!(schemes, strings(get(&t, "deep_links.schemes")));
    // portrait on iPhones
    let phone = plist_strings(plist_value(&plist, "UISupportedInterfaceOrientations").unwrap());
    assert_eq!(phone, ["UIInterfaceOrientationPortrait"]);
    // no permission and no network exception
    let body = uncommented(&plist);
    for key in body
        .split("<key>")
        .skip(1)
        .map(|k| &k[..k.find("</key>").unwrap()])
    {
        assert!(
            !key.ends_with("UsageDescription"),
            "Info.plist asks for {key}"
        );
        assert_ne!(key, "NSAppTransportSecurity", "no network exception");
        assert_ne!(key, "UIBackgroundModes", "nothing runs in the background");
    }
    assert!(
        plist_value(&plist, "UILaunchScreen").is_some(),
        "a launch screen: full screen on every device"
    );
}

#[test]
fn the_ios_icons_are_opaque_and_of_their_sizes() {
    let plist = read("platforms/ios/Info.plist");
    let named: BTreeSet<String> = plist_strings(plist_value(&plist, "CFBundleIcons~ipad").unwrap())
        .into_iter()
        .collect();
    let dir = repo().join("platforms/ios/AppIcon");
    for (file, size) in [
        ("AppIcon60x60@2x.png", 120),
        ("AppIcon60x60@3x.png", 180),
        ("AppIcon76x76@2x.png", 152),
        ("AppIcon83.5x83.5@2x.png", 167),
        ("AppIcon-1024.png", 1024),
    ] {
        let (w, h, colour) = png(&dir.join(file));
        assert_eq!((w, h), (size, size), "{file}");
        assert_eq!(
            colour, 2,
            "{file} is RGB without alpha (iOS refuses icons with one)"
        );
        if let Some(base) = file.split('@').next().filter(|_| file.contains('@')) {
            assert!(named.contains(base), "Info.plist names {base}");
        }
    }
}

#[test]
fn the_app_group_is_the_same_everywhere() {
    let entitlements = read("platforms/ios/Reps.entitlements");
    let groups =
        plist_strings(plist_value(&entitlements, "com.apple.security.application-groups").unwrap());
    assert_eq!(groups, [APP_GROUP]);
    for file in [
        "src/platform/paths.rs",
        "platforms/ios/RepsKit/Outside.swift",
        "platforms/ios/Widget/Sources/Snapshot.swift",
    ] {
        assert!(
            read(file).contains(&format!("\"{APP_GROUP}\"")),
            "{file} names {APP_GROUP}"
        );
    }
    // the Swift package dx builds is the one src/platform/phone.rs declares
    let package = read("platforms/ios/Package.swift");
    assert!(
        package.contains(".library(name: \"RepsKit\", targets:"),
        "the product dx makes dynamic"
    );
    assert!(read("src/platform/phone.rs").contains("#[manganis::ffi(\"platforms/ios\")]"));
    assert!(read("platforms/ios/RepsKit/RepsKit.swift").contains("@objc(RepsKit)"));
}

#[test]
fn every_reader_of_the_snapshot_knows_its_fields() {
    // crates/reps-core/src/journal/outside.rs defines them (its own test checks the names it writes)
    let interview = [
        "id",
        "company",
        "role",
        "stage",
        "startsIso",
        "startsEpochMs",
        "minutes",
        "place",
        "deepLink",
    ];
    let reminder = ["followUpId", "title", "body", "dueEpochMs", "deepLink"];
    let kotlin = read("platforms/android/src/main/kotlin/app/reps/platform/Outside.kt");
    for key in interview
        .iter()
        .chain(&reminder)
        .filter(|k| **k != "startsIso")
    {
        assert!(
            kotlin.contains(&format!("\"{key}\"")),
            "Outside.kt reads {key}"
        );
    }
    for file in [
        "platforms/ios/RepsKit/Outside.swift",
        "platforms/ios/Widget/Sources/Snapshot.swift",
    ] {
        let swift = read(file);
        for key in interview.iter().chain(&reminder) {
            assert!(
                swift.contains(&format!("let {key}: ")),
                "{file} decodes {key}"
            );
        }
        assert!(
            swift.contains("\"outside.json\""),
            "{file} reads outside.json"
        );
    }
    assert!(kotlin.contains("const val FILE = \"outside.json\""));
    assert!(
        read("crates/reps-core/src/journal/outside.rs")
            .contains("pub const FILE: &str = \"outside.json\";")
    );
}

#[test]
fn the_ios_share_extension_takes_text_and_links_into_the_app_group() {
    let plist = read("platforms/ios/ShareExtension/Info.plist");
    let app = read("platforms/ios/Info.plist");
    let extension = inner(&plist, "dict");
    assert!(extension.contains("<string>com.apple.share-services</string>"));
    assert!(extension.contains("<string>$(PRODUCT_MODULE_NAME).ShareViewController</string>"));
    for rule in [
        "NSExtensionActivationSupportsText",
        "NSExtensionActivationSupportsWebURLWithMaxCount",
    ] {
        assert!(plist.contains(&format!("<key>{rule}</key>")), "{rule}");
    }
    let id = dioxus_toml()["bundle"]["identifier"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        plist_string(&plist, "CFBundleIdentifier"),
        format!("{id}.share"),
        "an extension's id extends the app's"
    );
    assert_eq!(
        plist_string(&plist, "MinimumOSVersion"),
        plist_string(&app, "MinimumOSVersion")
    );
    assert_eq!(plist_string(&plist, "CFBundlePackageType"), "XPC!");
    let entitlements = read("platforms/ios/ShareExtension/ShareExtension.entitlements");
    let groups =
        plist_strings(plist_value(&entitlements, "com.apple.security.application-groups").unwrap());
    assert_eq!(groups, [APP_GROUP]);
    let swift = read("platforms/ios/ShareExtension/ShareViewController.swift");
    assert!(swift.contains(&format!("\"{APP_GROUP}\"")));
    assert!(swift.contains("final class ShareViewController"));
    // the call it makes is one the generated bindings have
    assert!(swift.contains(".addShare(text: shared)"));
    assert!(
        read("platforms/ios/Generated/reps_ffi.swift").contains("open func addShare(text: String)")
    );
    // an Xcode target links the bindings through the package's product
    assert!(
        read("platforms/ios/Package.swift")
            .contains(".library(name: \"RepsBindings\", targets: [\"RepsBindings\"])")
    );
}
