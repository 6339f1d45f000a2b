//! Build support for the in-process PHP tests.
//!
//! The dev-only `embed` feature of ext-php-rs links `-lphp`, but Debian ships the embed SAPI as
//! `libphp<major>.<minor>.so` (package libphp8.2-embed) without a `libphp.so` link. We make that
//! link inside OUT_DIR so `cargo test` can link; `cargo build` never asks for `-lphp`.
use std::env;
use std::path::PathBuf;
use std::process::Command;

fn php_config(arg: &str) -> Option<String> {
    let tool = env::var("PHP_CONFIG").unwrap_or_else(|_| "php-config".into());
    let out = Command::new(tool).arg(arg).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PHP_CONFIG");
    let (Some(prefix), Some(version)) = (php_config("--prefix"), php_config("--version")) else {
        return;
    };
    let minor: String = version.split('.').take(2).collect::<Vec<_>>().join(".");
    let embed_lib = PathBuf::from(prefix)
        .join("lib")
        .join(format!("libphp{minor}.so"));
    println!("cargo:rerun-if-changed={}", embed_lib.display());
    if !embed_lib.exists() {
        return;
    }
    let Ok(out_dir) = env::var("OUT_DIR") else {
        return;
    };
    let link = PathBuf::from(out_dir).join("libphp.so");
    let _ = std::fs::remove_file(&link);
    if std::os::unix::fs::symlink(&embed_lib, &link).is_ok() {
        println!(
            "cargo:rustc-link-search=native={}",
            link.parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        );
    }
}
